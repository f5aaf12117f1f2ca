/* A coroutine with more calls to coroutine_fns than the plugin frees in
   line, and more suspension points than it compiles with -fgcse and
   -ftree-pta (plugin/big-functions.cc; cpc.dg/big-function-dump.c
   checks that both apply): its callees' frames are freed by
   cpc__frame_free, in the arena's current window and, after a callee
   that went deep enough to take new chunks, below it.  The result must
   be the same computation's in plain C, twice in one coroutine (the
   second run reuses the arena the first one freed), and likewise for
   100 calls of a coroutine_fn that returns a structure.  */
#include <cpc.h>
#include <stdlib.h>

/* Deep enough, with frames big enough, to run through several of the
   arena's chunks; suspends at the bottom.  */
coroutine_fn static __attribute__ ((noinline)) unsigned long
deep (unsigned n)
{
  volatile unsigned char pad[200];
  pad[n % 200] = (unsigned char) n;
  if (n == 0)
    {
      cpc_suspend ();
      return 1;
    }
  unsigned long below = deep (n - 1);
  return below + pad[n % 200];
}

static unsigned long
deep_plain (unsigned n)
{
  unsigned long r = 1;
  for (unsigned k = 1; k <= n; k++)
    r += (unsigned char) k;
  return r;
}

coroutine_fn static __attribute__ ((noinline)) unsigned long
callee (unsigned long x)
{
  if (x % 3 == 0)
    cpc_suspend ();
  if (x % 7 == 0)
    return x + deep (x % 60);
  return x + 1;
}

static unsigned long
callee_plain (unsigned long x)
{
  if (x % 7 == 0)
    return x + deep_plain (x % 60);
  return x + 1;
}

/* A result in memory: read from the callee's frame before the frame is
   freed.  */
struct pair { unsigned long lo, hi; };

coroutine_fn static __attribute__ ((noinline)) struct pair
pair_callee (unsigned long x)
{
  struct pair p = { x, 2 * x };
  if (x % 4 == 0)
    cpc_suspend ();
  if (x % 9 == 0)
    p.hi += deep (x % 60);
  return p;
}

static struct pair
pair_plain (unsigned long x)
{
  struct pair p = { x, 2 * x };
  if (x % 9 == 0)
    p.hi += deep_plain (x % 60);
  return p;
}

static inline unsigned long
pair_value (struct pair p)
{
  return p.lo * 7 + p.hi;
}

#define PAIR(i) pair_value (pair_callee (i))
#define PAIR_PLAIN(i) pair_value (pair_plain (i))

/* 300 calls of G, with the arguments 100 to 399 (C100: 100 to 199).  */
#define C1(G, i) s = s * 3 + G (i);
#define C10(G, i) C1 (G, i##0) C1 (G, i##1) C1 (G, i##2) C1 (G, i##3) \
  C1 (G, i##4) C1 (G, i##5) C1 (G, i##6) C1 (G, i##7) C1 (G, i##8) \
  C1 (G, i##9)
#define C100(G, i) C10 (G, i##0) C10 (G, i##1) C10 (G, i##2) \
  C10 (G, i##3) C10 (G, i##4) C10 (G, i##5) C10 (G, i##6) \
  C10 (G, i##7) C10 (G, i##8) C10 (G, i##9)
#define CALLS(G) C100 (G, 1) C100 (G, 2) C100 (G, 3)

coroutine_fn static unsigned long
many (unsigned long x)
{
  unsigned long s = x;
  CALLS (callee)
  return s;
}

static unsigned long
many_plain (unsigned long x)
{
  unsigned long s = x;
  CALLS (callee_plain)
  return s;
}

/* 100 calls: callee frames freed by a call, -fgcse still on.  */
coroutine_fn static unsigned long
many_pairs (unsigned long x)
{
  unsigned long s = x;
  C100 (PAIR, 1)
  return s;
}

static unsigned long
many_pairs_plain (unsigned long x)
{
  unsigned long s = x;
  C100 (PAIR_PLAIN, 1)
  return s;
}

static unsigned long results[3];
static int done;

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  results[0] = many (1);
  results[1] = many (2);
  results[2] = many_pairs (3);
  done = 1;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  long steps = 0;
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 100000)
	abort ();
    }
  if (results[0] != many_plain (1) || results[1] != many_plain (2)
      || results[2] != many_pairs_plain (3))
    abort ();
  /* Each run of many suspends 100 times in callee and 43 times in deep;
     many_pairs 25 times in pair_callee and 11 times in deep.  */
  if (steps != 2 * (100 + 43) + 25 + 11 + 1)
    abort ();
  return 0;
}
