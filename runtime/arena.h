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

/* An arena is split in two: the fields the generated code bumps inline
   (bump, end, base: the first members of struct cpc_hot, see
   cpc-abi.def) and this cold part only the runtime reads.  Every function
   below takes both.  */
struct cpc_arena
{
  char *base;			/* start of the current chunk's data */
  char *limit;			/* end of the current chunk's data */
  struct cpc_chunk *chunk;	/* current malloc'd chunk; NULL: inline */
  struct cpc_chunk *spare;	/* an empty chunk kept for reuse, or NULL */
#ifdef CPC_ARENA_CHECK
  char *last;			/* most recently allocated live frame */
#endif
};

/* Make the arena allocate first from the SIZE bytes at DATA (aligned):
   H's window, and ARENA too unless it is NULL (an arena that has only
   its first chunk needs no cold part yet).  */
CPC_INTERNAL void cpc_arena_init (struct cpc_hot *h, struct cpc_arena *arena,
				  void *data, size_t size);
/* The cold part alone: an arena whose only chunk is the SIZE bytes at
   DATA, as H's window already says (its bump may be anywhere in it).  */
CPC_INTERNAL void cpc_arena_init_cold (struct cpc_arena *arena, void *data,
				       size_t size);
/* Release every malloc'd chunk.  */
CPC_INTERNAL void cpc_arena_destroy (struct cpc_arena *arena);

/* The slow paths of allocation and freeing (arena.c): what
   cpc__frame_alloc and cpc__frame_free do.  */
CPC_INTERNAL void *cpc_arena_alloc (struct cpc_hot *h, struct cpc_arena *arena,
				    size_t size);
CPC_INTERNAL void cpc_arena_free (struct cpc_hot *h, struct cpc_arena *arena,
				  void *frame);

static inline size_t
cpc_arena_round (size_t size)
{
  return (size + (CPC_FRAME_ALIGN - 1)) & ~(size_t) (CPC_FRAME_ALIGN - 1);
}

#endif /* CPC_ARENA_H */
