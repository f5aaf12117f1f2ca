/* Suspensions in the body of a for loop, with break and continue.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int sum = 0, i;
  for (i = 0; i < 100; i++)
    {
      if (i % 2)
	continue;
      cpc_suspend ();
      sum += i;
      if (i == 20)
	break;
    }
  if (i != 20 || sum != 110)
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
  if (steps != 12)
    abort ();
#endif
  return 0;
}
