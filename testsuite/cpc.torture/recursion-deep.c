/* Recursion 10000 deep with a suspension at every level, on the way down and on the way up.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

#define DEPTH 10000

coroutine_fn static long
down (int n)
{
  int mine = n * 3;
  cpc_suspend ();
  if (n == 0)
    return 0;
  long r = down (n - 1);
  cpc_suspend ();
  if (mine != n * 3)
    abort ();
  return r + n;
}

coroutine_fn static void
body (void *opaque)
{
  if (down (DEPTH) != (long) DEPTH * (DEPTH + 1) / 2)
    abort ();
  done = 1;
}

int
main (void)
{
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 100000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 20002)
    abort ();
#endif
  return 0;
}
