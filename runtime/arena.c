/* The per-coroutine frame arena: slow paths (see arena.h).

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stdio.h>
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

void
cpc_arena_init (struct cpc_arena *arena, void *data, size_t size)
{
  arena->base = arena->bump = data;
  arena->end = (char *) data + size;
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
void *
cpc_arena_alloc_chunk (struct cpc_arena *arena, size_t size)
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
  c->prev_bump = arena->bump;
  c->prev_base = arena->base;
  c->prev_end = arena->end;
  arena->chunk = c;
  arena->base = c->data;
  arena->end = c->data + c->size;
  arena->bump = c->data + size;
  return c->data;
}

/* The current (malloc'd) chunk became empty: go back to the one below
   and keep the larger of this one and the old spare for reuse.  */
void
cpc_arena_pop_chunk (struct cpc_arena *arena)
{
  struct cpc_chunk *c = arena->chunk;
  arena->chunk = c->prev;
  arena->bump = c->prev_bump;
  arena->base = c->prev_base;
  arena->end = c->prev_end;
  if (arena->spare && arena->spare->size >= c->size)
    free (c);
  else
    {
      free (arena->spare);
      arena->spare = c;
    }
}

void
cpc_arena_bad_free (void *frame)
{
  fprintf (stderr, "cpc: frame %p freed out of order (not the most recently"
	   " allocated live frame of the current coroutine)\n", frame);
  abort ();
}
