/* The frame header and runtime entry points, as C declarations derived
   from cpc-abi.def.  Internal to the generated code and libcpc: user code
   never touches these.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_ABI_H
#define CPC_ABI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cpc_frame;
/* Called with the frame and its state (0: a fresh start, from the ramp;
   the runtime passes the frame's).  */
typedef void (*cpc__resume_fn) (struct cpc_frame *, unsigned int);

#define CPC__KIND_RESUME_FN cpc__resume_fn
#define CPC__KIND_FRAME_PTR struct cpc_frame *
#define CPC__KIND_UINT unsigned int
#define CPC__KIND_PTR void *
#define CPC__KIND_SIZE size_t
#define CPC__KIND_INT int
#define CPC__KIND_VOID void
#define CPC__KIND_BYTE_PTR char *
#define CPC__KIND_UCHAR unsigned char
#define CPC__KIND_USHORT unsigned short
#define CPC__KIND_U64 unsigned long long
#define CPC__KIND_HOT_PTR struct cpc_hot *

struct cpc_frame
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND) CPC__KIND_##KIND NAME;
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};

struct cpc_hot
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND) CPC__KIND_##KIND NAME;
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};

enum
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE) CPC__##NAME = VALUE,
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};

struct cpc_thread
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND) CPC__KIND_##KIND NAME;
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};

extern __thread struct cpc_thread cpc__thread
  __attribute__ ((tls_model ("initial-exec")));

/* One name per DEF_CPC_TLS field.  */
#define cpc__current (cpc__thread.current)
#define cpc__thread_sched (cpc__thread.thread_sched)
#define cpc__unwind (cpc__thread.unwind)
#define cpc__done (cpc__thread.done)
#define cpc__word8_suspended (cpc__thread.word8_suspended)
#define cpc__word8_running (cpc__thread.word8_running)
#define cpc__arena_base (cpc__thread.arena_base)
#define cpc__arena_end (cpc__thread.arena_end)
#define cpc__arena_owner (cpc__thread.arena_owner)
/* Whether the running coroutine is suspending (cpc-abi.def): the byte
   after its hot block's word.  */
#define cpc__suspending (cpc__current->suspending)

#define CPC__ARGS_VOID_VOID void
#define CPC__ARGS_PTR_VOID void *
#define CPC__ARGS_SIZE_VOID size_t
#define CPC__ARGS_FRAME_PTR_RESUME_FN struct cpc_frame *, cpc__resume_fn
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2) \
  CPC__KIND_##RET NAME (CPC__ARGS_##ARG1##_##ARG2);
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT

/* The word of struct cpc_hot's running, state, pending and spare
   (cpc-abi.def) with the given bytes, spare 0: what the inline cpc_enter
   compares the four bytes with at once.  */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
# define CPC__WORD(RUNNING, STATE, PENDING) \
  ((unsigned int) (RUNNING) | (unsigned int) (STATE) << 8 \
   | (unsigned int) (PENDING) << 16)
#else
# define CPC__WORD(RUNNING, STATE, PENDING) \
  ((unsigned int) (RUNNING) << 24 | (unsigned int) (STATE) << 16 \
   | (unsigned int) (PENDING) << 8)
#endif

#define CPC__WORD_NEW CPC__WORD (0, CPC__STATE_NEW, 0)
#define CPC__WORD_RUNNING CPC__WORD (1, CPC__STATE_RUNNING, 0)
#define CPC__WORD_SUSPENDED CPC__WORD (0, CPC__STATE_SUSPENDED, 0)

/* Read and write that word of the hot block H; macros, so that the GNU
   inline cpc_enter of cpc.h may use them.  */
#define CPC__GET_WORD(H) \
  (__extension__ ({ unsigned int cpc_w_; \
		    __builtin_memcpy (&cpc_w_, (const char *) (H) \
				      + offsetof (struct cpc_hot, running), \
				      sizeof cpc_w_); \
		    cpc_w_; }))
#define CPC__SET_WORD(H, W) \
  (__extension__ ({ unsigned int cpc_w_ = (W); \
		    __builtin_memcpy ((char *) (H) \
				      + offsetof (struct cpc_hot, running), \
				      &cpc_w_, sizeof cpc_w_); }))

/* The word8 (cpc-abi.def) of a live coroutine of the scheduler whose
   index is INDEX, whose word is W: suspending 0, magic CPC__MAGIC.  */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
# define CPC__WORD8(W, INDEX) \
  ((unsigned long long) (W) | (unsigned long long) CPC__MAGIC << 40 \
   | (unsigned long long) (INDEX) << 48)
#else
# define CPC__WORD8(W, INDEX) \
  ((unsigned long long) (W) << 32 | (unsigned long long) CPC__MAGIC << 16 \
   | (unsigned long long) (INDEX))
#endif

/* Read H's word8; set it to W8 (one store, which clears the suspending
   flag): the inline cpc_enter's.  */
#define CPC__GET_WORD8(H) \
  (__extension__ ({ unsigned long long cpc_w_; \
		    __builtin_memcpy (&cpc_w_, (const char *) (H) \
				      + offsetof (struct cpc_hot, running), \
				      sizeof cpc_w_); \
		    cpc_w_; }))
#define CPC__SET_WORD8(H, W8) \
  (__extension__ ({ unsigned long long cpc_w_ = (W8); \
		    __builtin_memcpy ((char *) (H) \
				      + offsetof (struct cpc_hot, running), \
				      &cpc_w_, sizeof cpc_w_); }))

/* What a new coroutine's word8 differs from a suspended one's by, and
   the word8 of a new coroutine of this thread's scheduler: what the
   inline cpc_enter tests a new coroutine against and cpc_create
   stores.  */
#define CPC__WORD8_NEW_DELTA \
  (CPC__WORD8 (CPC__WORD_SUSPENDED, 0) - CPC__WORD8 (CPC__WORD_NEW, 0))
#define cpc__word8_new (cpc__word8_suspended - CPC__WORD8_NEW_DELTA)

/* H's suspending flag.  Read on its own, as a byte: one load that also
   spanned the word would have to wait for the generated code's one-byte
   store of the flag to retire.  (GCC merges two tests of neighbouring
   fields into one wider load; it does not here because CPC__GET_WORD
   reads the word through memcpy.)  */
#define CPC__GET_SUSPENDING(H) \
  ((H)->suspending)

/* The sequences the plugin inlines (cpc-abi.def, "DEF_CPC_HOT_FIELD"),
   as C: for code lowered by hand (libcpc's selftest) and as their
   reference.  */

static inline int
cpc__suspending_p (void)
{
  return cpc__suspending;
}

static inline void
cpc__suspend (void)
{
  cpc__suspending = 1;
}

static inline void *
cpc__frame_push (size_t size)
{
  struct cpc_hot *h = cpc__current;
  size = (size + (CPC__FRAME_ALIGN - 1)) & ~(size_t) (CPC__FRAME_ALIGN - 1);
  if (__builtin_expect (cpc__arena_owner == h
			&& (size_t) h->bump + size
			   <= (size_t) cpc__arena_end, 1))
    {
      void *f = h->bump;
      h->bump += size;
      return f;
    }
  return cpc__frame_alloc (size);
}

static inline void
cpc__frame_pop (void *frame)
{
  struct cpc_hot *h = cpc__current;
  if (__builtin_expect (cpc__arena_owner != h
			|| (size_t) frame >= (size_t) cpc__arena_end
			|| (size_t) frame < (size_t) cpc__arena_base, 0))
    cpc__frame_free (frame);
  else
    h->bump = (char *) frame;
}

static inline void
cpc__link (struct cpc_frame *f, cpc__resume_fn resume)
{
  f->resume = resume;
  if (cpc__unwind)
    cpc__unwind->caller = f;
  else
    cpc__current->top = f;
  cpc__unwind = f;
  cpc__suspending = 2;
}

static inline void *
cpc__take_done (void)
{
  void *d = cpc__done;
  cpc__done = 0;
  return d;
}

#ifdef __cplusplus
}
#endif

#endif /* CPC_ABI_H */
