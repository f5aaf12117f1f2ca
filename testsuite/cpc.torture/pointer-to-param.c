/* The address of a parameter is taken and used across suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
inc_later (long *p)
{
  cpc_suspend ();
  *p += 1;
}

coroutine_fn static long
f (long x, double y)
{
  long *px = &x;
  double *py = &y;
  cpc_suspend ();
  inc_later (px);
  *py *= 2;
  cpc_suspend ();
  return x + (long) y;
}

coroutine_fn static void
body (void *opaque)
{
  if (f (10, 2.5) != 16)
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
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 4)
    abort ();
#endif
  return 0;
}
