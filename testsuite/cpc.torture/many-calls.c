/* A coroutine with more calls to coroutine_fns than the plugin frees in
   line, and more suspension points than it compiles with -fgcse and
   -ftree-pta (plugin/big-functions.cc; cpc.dg/big-function-dump.c
   checks that both apply): its callees' frames are freed by
   cpc__frame_free, in the arena's current window and, after a callee
   that went deep enough to take new chunks, below it.  The result must
   be the same computation's in plain C, twice in one coroutine (the
   second run reuses the arena the first one freed).  */
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

/* 300 calls of G, with the arguments 100 to 399.  */
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

static unsigned long results[2];
static int done;

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  results[0] = many (1);
  results[1] = many (2);
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
  if (results[0] != many_plain (1) || results[1] != many_plain (2))
    abort ();
  /* Each run suspends 100 times in callee and 43 times in deep.  */
  if (steps != 2 * (100 + 43) + 1)
    abort ();
  return 0;
}
