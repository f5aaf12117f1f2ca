/* Suspensions in a while loop body.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  unsigned x = 27, steps = 0;
  while (x != 1)
    {
      cpc_suspend ();
      x = (x % 2) ? 3 * x + 1 : x / 2;
      steps++;
    }
  if (steps != 111)
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
      if (++steps > 1000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 112)
    abort ();
#endif
  return 0;
}
