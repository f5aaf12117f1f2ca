/* Variables with the same name in nested and sibling blocks, each live across its own suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int x = 1;
  {
    int x = 2;
    cpc_suspend ();
    {
      int x = 3;
      cpc_suspend ();
      if (x != 3)
	abort ();
    }
    if (x != 2)
      abort ();
  }
  {
    long x = 40;
    cpc_suspend ();
    if (x != 40)
      abort ();
  }
  {
    double x = 0.5;
    cpc_suspend ();
    if (x != 0.5)
      abort ();
  }
  if (x != 1)
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
  if (steps != 5)
    abort ();
#endif
  return 0;
}
