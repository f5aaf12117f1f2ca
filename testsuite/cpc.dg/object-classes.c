/* Coroutine objects come in two classes (docs/RUNTIME.md, "Memory"): a
   small one, whose inline chunk holds a 32-byte frame, and a large one
   with 64 bytes.  A new entry function gets small objects until a
   coroutine of it outgrows the chunk in its first run; its later
   coroutines are large.  Every coroutine, whichever its class and
   wherever its frames went, computes what it would in plain C.  At -O2
   only: the frame sizes below are those of optimized code.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
#include <cpc.h>
#include <stdint.h>
#include <stdlib.h>

#define CHECK(c) do { if (!(c)) abort (); } while (0)

/* libcpc's test hook (internal).  */
size_t cpc__inline_chunk_bytes (cpc_coroutine *co);

static long long total;

/* A frame of a 24-byte header and two ints: 32 bytes, a small object's
   chunk.  */
coroutine_fn static void
two_ints (void *opaque)
{
  int a = (int) (intptr_t) opaque;
  int b = a * 3;
  cpc_suspend ();
  total += a + b;
}

/* The header and four long longs: 56 bytes (44 on ILP32), a large
   object's chunk only.  */
coroutine_fn static void
four_longs (void *opaque)
{
  long long a = (intptr_t) opaque;
  long long b = a * 2, c = a * 3, d = a * 4;
  cpc_suspend ();
  total += a + b + c + d;
}

/* More than either chunk holds: a malloc'd chunk whatever the class.  */
coroutine_fn static void
big_array (void *opaque)
{
  long v[40];
  for (int i = 0; i < 40; i++)
    v[i] = (intptr_t) opaque * i;
  cpc_suspend ();
  for (int i = 0; i < 40; i++)
    total += v[i];
}

/* Run 100 coroutines of ENTRY, all suspended at once, then finish them;
   checks that they add up to EXPECT times the sum of their arguments
   1-100, and returns the inline chunk bytes of the first and the last.  */
static void
run (cpc_entry_fn *entry, long long expect, size_t *first_bytes,
     size_t *last_bytes)
{
  enum { N = 100 };
  static cpc_coroutine *co[N];
  total = 0;
  for (int i = 0; i < N; i++)
    {
      co[i] = cpc_create (entry, (void *) (intptr_t) (i + 1));
      if (i == 0)
	*first_bytes = cpc__inline_chunk_bytes (co[i]);
      if (i == N - 1)
	*last_bytes = cpc__inline_chunk_bytes (co[i]);
      cpc_enter (co[i]);
    }
  for (int i = 0; i < N; i++)
    cpc_enter (co[i]);
  CHECK (total == expect * (N * (N + 1) / 2));
}

int
main (void)
{
  size_t first, last;
  run (two_ints, 4, &first, &last);
  CHECK (first == 32 && last == 32);
  run (four_longs, 10, &first, &last);
  CHECK (first == 32 && last == 64);	/* learnt in the first run */
  run (four_longs, 10, &first, &last);
  CHECK (first == 64 && last == 64);	/* and kept */
  run (big_array, 780, &first, &last);
  CHECK (first == 32 && last == 64);
  run (two_ints, 4, &first, &last);	/* small is still the default */
  CHECK (first == 32 && last == 32);
  return 0;
}
