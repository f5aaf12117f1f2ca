/* The per-coroutine frame arena: LIFO bump allocation in chunks.

   Frames are allocated and freed in strict LIFO order (the logical call
   chain of one coroutine is a stack).  The first chunk lives inside the
   coroutine object; more chunks are malloc'd when a frame does not fit.
   A chunk never moves and a frame never moves inside it, so pointers to
   frame-resident locals stay valid across suspensions.  A chunk that
   becomes empty is kept as a spare, so a call chain oscillating across a
   chunk boundary does not malloc/free on every call.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_ARENA_H
#define CPC_ARENA_H

#include <stddef.h>
#include "cpc-abi.h"

/* Every frame is aligned to, and sized in multiples of, this.  The
   plugin relies on it (cpc-abi.def, FRAME_ALIGN).  */
#define CPC_FRAME_ALIGN 16
_Static_assert (CPC_FRAME_ALIGN == CPC__FRAME_ALIGN,
		"arena alignment differs from the ABI's FRAME_ALIGN");

struct cpc_chunk;

/* Internal to libcpc: not exported from the shared library.  */
#define CPC_INTERNAL __attribute__ ((visibility ("hidden")))

struct cpc_arena
{
  char *bump;			/* next free byte of the current chunk */
  char *end;			/* end of the current chunk's data */
  char *base;			/* start of the current chunk's data */
  struct cpc_chunk *chunk;	/* current malloc'd chunk; NULL: inline */
  struct cpc_chunk *spare;	/* an empty chunk kept for reuse, or NULL */
#ifdef CPC_ARENA_CHECK
  char *last;			/* most recently allocated live frame */
#endif
};

/* Make ARENA allocate first from the SIZE bytes at DATA (aligned).  */
CPC_INTERNAL void cpc_arena_init (struct cpc_arena *arena, void *data, size_t size);
/* Release every malloc'd chunk.  */
CPC_INTERNAL void cpc_arena_destroy (struct cpc_arena *arena);

/* Slow paths, in arena.c.  */
CPC_INTERNAL void *cpc_arena_alloc_chunk (struct cpc_arena *arena, size_t size);
CPC_INTERNAL void cpc_arena_pop_chunk (struct cpc_arena *arena);
CPC_INTERNAL void cpc_arena_bad_free (void *frame) __attribute__ ((noreturn, cold));

static inline size_t
cpc_arena_round (size_t size)
{
  return (size + (CPC_FRAME_ALIGN - 1)) & ~(size_t) (CPC_FRAME_ALIGN - 1);
}

/* With -DCPC_ARENA_CHECK (configure --enable-arena-check) every frame
   is preceded by a hidden CPC_FRAME_ALIGN-byte word holding the previous
   live frame, and a free of anything but the most recent live frame
   aborts.  Without it the check below is cheaper and partial.  */
#ifdef CPC_ARENA_CHECK
# define CPC_ARENA_HIDDEN CPC_FRAME_ALIGN
#else
# define CPC_ARENA_HIDDEN 0
#endif

static inline void *
cpc_arena_alloc_raw (struct cpc_arena *arena, size_t size)
{
  size = cpc_arena_round (size ? size : 1);
  if (__builtin_expect ((size_t) (arena->end - arena->bump) >= size, 1))
    {
      void *p = arena->bump;
      arena->bump += size;
      return p;
    }
  return cpc_arena_alloc_chunk (arena, size);
}

static inline void *
cpc_arena_alloc (struct cpc_arena *arena, size_t size)
{
#ifdef CPC_ARENA_CHECK
  char *p = (char *) cpc_arena_alloc_raw (arena, size + CPC_ARENA_HIDDEN)
	    + CPC_ARENA_HIDDEN;
  ((char **) p)[-1] = arena->last;
  arena->last = p;
  return p;
#else
  return cpc_arena_alloc_raw (arena, size);
#endif
}

/* FRAME must be the most recently allocated live frame.  What can be
   checked cheaply is: it lies in the current chunk below the bump
   pointer and is aligned (this catches double frees and frees of frames
   of another chunk or coroutine, not every out-of-order free).  */
static inline void
cpc_arena_free (struct cpc_arena *arena, void *frame)
{
  char *p = frame;
#ifdef CPC_ARENA_CHECK
  if (__builtin_expect (p != arena->last || p == NULL, 0))
    cpc_arena_bad_free (frame);
  arena->last = ((char **) p)[-1];
  p -= CPC_ARENA_HIDDEN;
#endif
  if (__builtin_expect (p < arena->base || p >= arena->bump
			|| ((size_t) p & (CPC_FRAME_ALIGN - 1)) != 0, 0))
    cpc_arena_bad_free (frame);
  arena->bump = p;
  if (__builtin_expect (p == arena->base && arena->chunk != NULL, 0))
    cpc_arena_pop_chunk (arena);
}

#endif /* CPC_ARENA_H */
