/* The per-coroutine frame arena: slow paths (see arena.h).

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include "arena.h"

/* Size of the first malloc'd chunk (data bytes); each later chunk is
   twice the previous one, up to CPC_CHUNK_MAX, and always large enough
   for the frame that needs it.  */
#define CPC_CHUNK_MIN 256
#define CPC_CHUNK_MAX (64 * 1024)

struct cpc_chunk
{
  struct cpc_chunk *prev;	/* the chunk below, NULL: the inline one */
  char *prev_bump;		/* bump of the chunk below when pushed */
  char *prev_base, *prev_end;	/* bounds of the chunk below */
  size_t size;			/* data bytes */
  _Alignas (CPC_FRAME_ALIGN) char data[];
};

static void __attribute__ ((noreturn, cold))
out_of_memory (void)
{
  fputs ("cpc: out of memory allocating a coroutine frame\n", stderr);
  abort ();
}

static void __attribute__ ((noreturn, cold))
bad_free (void *frame)
{
  fprintf (stderr, "cpc: frame %p freed out of order (not the most recently"
	   " allocated live frame of the current coroutine)\n", frame);
  abort ();
}

/* Publish the current chunk to the inline sequences.  With
   CPC_ARENA_CHECK every allocation and free must come here (for the
   hidden words and the order check): an empty window (end == bump) and
   an empty range for frees send them all to the slow paths.  */
static void
publish_window (struct cpc_hot *h, char *base, char *limit)
{
  /* The window is the running coroutine's only (cpc-abi.def); another's
     is loaded from its arena when it runs.  */
  if (h != cpc__current)
    return;
#ifdef CPC_ARENA_CHECK
  /* An empty window at bump: no room to allocate, and no frame in
     [base, end) to free inline.  */
  (void) base;
  (void) limit;
  cpc__arena_base = cpc__arena_end = h->bump;
  cpc__arena_owner = h;
#else
  /* A frame outside the current chunk is in one under it (chunks are
     malloc'd anywhere, so this is a range test): freeing it must pop.
     The chunk's own first frame is freed inline (the chunk stays
     current, empty), so a call chain that keeps crossing a chunk
     boundary does not push and pop a chunk on every call.  */
  cpc__arena_base = base;
  cpc__arena_end = limit;
  cpc__arena_owner = h;
#endif
}

static void
publish (struct cpc_hot *h, struct cpc_arena *arena)
{
  publish_window (h, arena->base, arena->limit);
}

void
cpc_arena_init (struct cpc_hot *h, struct cpc_arena *arena, void *data,
		size_t size)
{
  h->bump = data;
  publish_window (h, data, (char *) data + size);
  if (arena)
    cpc_arena_init_cold (arena, data, size);
}

void
cpc_arena_init_cold (struct cpc_arena *arena, void *data, size_t size)
{
  arena->base = data;
  arena->limit = (char *) data + size;
  arena->chunk = NULL;
  arena->spare = NULL;
#ifdef CPC_ARENA_CHECK
  arena->last = NULL;
#endif
}

void
cpc_arena_destroy (struct cpc_arena *arena)
{
  struct cpc_chunk *c = arena->chunk;
  while (c)
    {
      struct cpc_chunk *prev = c->prev;
      free (c);
      c = prev;
    }
  free (arena->spare);
  arena->chunk = arena->spare = NULL;
}

/* The current chunk has no room for SIZE (rounded) bytes: push a new one
   (the spare when it is large enough) and allocate from it.  */
static void *
push_chunk (struct cpc_hot *h, struct cpc_arena *arena, size_t size)
{
  struct cpc_chunk *c = arena->spare;
  arena->spare = NULL;
  if (c && c->size < size)
    {
      free (c);			/* too small: never kept dangling */
      c = NULL;
    }
  if (!c)
    {
      size_t want = arena->chunk ? 2 * arena->chunk->size : CPC_CHUNK_MIN;
      if (want > CPC_CHUNK_MAX)
	want = CPC_CHUNK_MAX;
      if (want < size)
	want = size;
      c = malloc (sizeof *c + want);
      if (!c)
	out_of_memory ();
      c->size = want;
    }
  c->prev = arena->chunk;
  c->prev_bump = h->bump;
  c->prev_base = arena->base;
  c->prev_end = arena->limit;
  arena->chunk = c;
  arena->base = c->data;
  arena->limit = c->data + c->size;
  h->bump = c->data + size;
  return c->data;
}

/* The current (malloc'd) chunk became empty: go back to the one below
   and keep the larger of this one and the old spare for reuse.  */
static void
pop_chunk (struct cpc_hot *h, struct cpc_arena *arena)
{
  struct cpc_chunk *c = arena->chunk;
  arena->chunk = c->prev;
  h->bump = c->prev_bump;
  arena->base = c->prev_base;
  arena->limit = c->prev_end;
  if (arena->spare && arena->spare->size >= c->size)
    free (c);
  else
    {
      free (arena->spare);
      arena->spare = c;
    }
}

static void *
alloc_raw (struct cpc_hot *h, struct cpc_arena *arena, size_t size)
{
  size = cpc_arena_round (size ? size : 1);
  void *p;
  if ((size_t) (arena->limit - h->bump) >= size)
    {
      p = h->bump;
      h->bump += size;
    }
  else
    p = push_chunk (h, arena, size);
  publish (h, arena);
  return p;
}

void *
cpc_arena_alloc (struct cpc_hot *h, struct cpc_arena *arena, size_t size)
{
#ifdef CPC_ARENA_CHECK
  /* Every frame is preceded by a hidden CPC_FRAME_ALIGN-byte word holding
     the previous live frame, and a free of anything but the most recent
     live frame aborts.  */
  char *p = (char *) alloc_raw (h, arena, size + CPC_FRAME_ALIGN)
	    + CPC_FRAME_ALIGN;
  ((char **) p)[-1] = arena->last;
  arena->last = p;
  return p;
#else
  return alloc_raw (h, arena, size);
#endif
}

/* FRAME must be the most recently allocated live frame.  What can be
   checked cheaply is: it lies in the current chunk below the bump pointer
   and is aligned (this catches double frees and frees of frames of
   another chunk or coroutine, not every out-of-order free; the inline
   free of the generated code checks nothing).  */
void
cpc_arena_free (struct cpc_hot *h, struct cpc_arena *arena, void *frame)
{
  char *p = frame;
#ifdef CPC_ARENA_CHECK
  if (p != arena->last || p == NULL)
    bad_free (frame);
  arena->last = ((char **) p)[-1];
  p -= CPC_FRAME_ALIGN;
#endif
  /* Empty chunks above the one holding P were kept current (see
     publish); they go now.  */
  while ((p < arena->base || p >= arena->limit) && h->bump == arena->base
	 && arena->chunk != NULL)
    pop_chunk (h, arena);
  if (p < arena->base || p >= h->bump
      || ((size_t) p & (CPC_FRAME_ALIGN - 1)) != 0)
    bad_free (frame);
  h->bump = p;
#ifdef CPC_ARENA_CHECK
  /* Checked mode frees everything here: pop eagerly, so the chunk logic
     is exercised the same way as before.  */
  if (p == arena->base && arena->chunk != NULL)
    pop_chunk (h, arena);
#endif
  publish (h, arena);
}
