/* Loops whose spills (and state stores) the plugin moves to the loop's
   entry edges when optimizing (plugin/spill-elim.cc): the value stored
   on the way in must be the one every suspension in the loop would have
   stored, on every shape of loop.  Each coroutine computes a result that
   main checks against the same computation in plain C.  */
#include <cpc.h>
#include <stdlib.h>

static volatile int one = 1;

/* A coroutine's argument: it reads IN, writes OUT and sets DONE.  */
struct job { long in, out; int done; };

/* Suspends when K is odd: the loops around it suspend on some
   iterations only, and its spills run on the suspending path only.  */
coroutine_fn static __attribute__ ((noinline)) long
sometimes (long k)
{
  if (k & one)
    cpc_suspend ();
  return k * 2;
}

/* The yield benchmark's generator: g never changes in the loop.  */
struct gen { long count; int stop; };

coroutine_fn static void
gen_body (void *opaque)
{
  struct gen *g = opaque;
  while (!g->stop)
    {
      g->count++;
      cpc_suspend ();
    }
}

/* A variable redefined on one path only before the suspension: its
   spill must stay on that path, the other path's value is in the slot
   already only if nothing changed it.  */
coroutine_fn static void
redefined (void *opaque)
{
  struct job *j = opaque;
  long a = 5, b = 11, sum = 0;
  for (int i = 0; i < 10; i++)
    {
      if (i % 3 == 1)
	a = a * 2 + i;
      cpc_suspend ();
      sum += a + b;
    }
  j->out = sum;
  j->done = 1;
}

/* Nested loops, the suspension in the inner one: X is loop-invariant in
   both, Y in the inner one only.  */
coroutine_fn static void
nested (void *opaque)
{
  struct job *j = opaque;
  long x = j->in, sum = 0;
  for (int i = 0; i < 4; i++)
    {
      long y = x * i + 1;
      for (int m = 0; m < 3; m++)
	{
	  cpc_suspend ();
	  sum += x + y + m;
	}
      for (int m = 0; m < i; m++)
	for (int k = 0; k < 2; k++)
	  {
	    cpc_suspend ();
	    sum += y * k;
	  }
    }
  j->out = sum;
  j->done = 1;
}

/* A and B are never live across the same suspension point, so they may
   share a slot: A across the first, B across the inner loop's.  B's
   store on the inner loop's entry lands on A's bytes.  */
coroutine_fn static void
shared_slot (void *opaque)
{
  struct job *j = opaque;
  long sum = 0;
  for (int k = 0; k < 3; k++)
    {
      long a = j->in + k * 7;
      cpc_suspend ();
      sum += a;
      long b = sum * 3 + k;
      for (int i = 0; i < 3; i++)
	{
	  cpc_suspend ();
	  sum += b + i;
	}
    }
  j->out = sum;
  j->done = 1;
}

/* The first iteration does not suspend; later ones do, on some
   iterations only.  */
coroutine_fn static void
conditional (void *opaque)
{
  struct job *j = opaque;
  long c = j->in, sum = 0;
  for (int i = 0; i < 12; i++)
    {
      if (i > 0 && (i & one * 2))
	cpc_suspend ();
      sum += c * i;
    }
  j->out = sum;
  j->done = 1;
}

/* A loop around a call that suspends on some iterations: the spills are
   on its suspending path.  */
coroutine_fn static void
call_loop (void *opaque)
{
  struct job *j = opaque;
  long d = j->in, sum = 0;
  for (long i = 0; i < 9; i++)
    sum += sometimes (i) + d;
  j->out = sum;
  j->done = 1;
}

/* A while loop entered zero times: the stores moved to its entry run,
   the loop does not; the value after it must be intact.  */
coroutine_fn static void
zero_trip (void *opaque)
{
  struct job *j = opaque;
  long e = j->in, n = 0;
  cpc_suspend ();
  while (n < j->in - e)
    {
      cpc_suspend ();
      n += e;
    }
  cpc_suspend ();
  j->out = e * 3 + n;
  j->done = 1;
}

/* Run FN on IN to the end; return its result, and in *STEPS the number
   of entries it took.  */
static long
drive (cpc_entry_fn *fn, long in, int *steps)
{
  struct job j = { in, 0, 0 };
  cpc_coroutine *co = cpc_create (fn, &j);
  *steps = 0;
  while (!j.done)
    {
      cpc_enter (co);
      if (++*steps > 10000)
	abort ();
    }
  return j.out;
}

/* FN (IN) must compute WANT; compiled with the plugin, in WANT_STEPS
   entries unless that is -1 (without it nothing suspends).  */
static void
expect (cpc_entry_fn *fn, long in, long want, int want_steps)
{
  int steps;
  if (drive (fn, in, &steps) != want)
    abort ();
#ifdef __CPC__
  if (want_steps != -1 && steps != want_steps)
    abort ();
#else
  (void) steps;
  (void) want_steps;
#endif
}

int
main (void)
{
  struct gen g = { 0, 0 };
  cpc_coroutine *co = cpc_create (gen_body, &g);
  for (int i = 0; i < 5; i++)
    cpc_enter (co);
  g.stop = 1;
  cpc_enter (co);		/* Returns: frees CO.  */
#ifdef __CPC__
  if (g.count != 5)
    abort ();
#endif

  {
    long a = 5, b = 11, sum = 0;
    for (int i = 0; i < 10; i++)
      {
	if (i % 3 == 1)
	  a = a * 2 + i;
	sum += a + b;
      }
    expect (redefined, 0, sum, -1);
  }

  {
    long x = 13, sum = 0;
    for (int i = 0; i < 4; i++)
      {
	long y = x * i + 1;
	for (int m = 0; m < 3; m++)
	  sum += x + y + m;
	for (int m = 0; m < i; m++)
	  for (int k = 0; k < 2; k++)
	    sum += y * k;
      }
    expect (nested, 13, sum, 4 * 3 + (0 + 1 + 2 + 3) * 2 + 1);
  }

  {
    long in = 100, sum = 0;
    for (int k = 0; k < 3; k++)
      {
	long a = in + k * 7;
	sum += a;
	long b = sum * 3 + k;
	for (int i = 0; i < 3; i++)
	  sum += b + i;
      }
    expect (shared_slot, in, sum, -1);
  }

  {
    long c = 9, sum = 0;
    for (int i = 0; i < 12; i++)
      sum += c * i;
    /* Suspends at i = 2, 3, 6, 7, 10, 11.  */
    expect (conditional, c, sum, 7);
  }

  {
    long d = 1000, sum = 0;
    for (long i = 0; i < 9; i++)
      sum += i * 2 + d;
    /* sometimes suspends at i = 1, 3, 5, 7.  */
    expect (call_loop, d, sum, 5);
  }

  expect (zero_trip, 21, 63, 3);
  return 0;
}
