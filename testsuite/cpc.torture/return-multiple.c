/* Several return statements, some before and some after suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
classify (int x)
{
  if (x < 0)
    return -1;
  cpc_suspend ();
  if (x == 0)
    return 0;
  cpc_suspend ();
  if (x < 10)
    return 1;
  return 2;
}

coroutine_fn static void
body (void *opaque)
{
  if (classify (-5) != -1 || classify (0) != 0 || classify (5) != 1
      || classify (50) != 2)
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
  if (steps != 6)
    abort ();
#endif
  return 0;
}
