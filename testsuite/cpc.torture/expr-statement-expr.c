/* GNU statement expressions containing suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
f (int a)
{
  cpc_suspend ();
  return a * 2;
}

coroutine_fn static int
g (int b)
{
  cpc_suspend ();
  cpc_suspend ();
  return b + 100;
}

coroutine_fn static void
body (void *opaque)
{
  int x = ({ int t = f (4); cpc_suspend (); t + 1; });
  if (x != 9)
    abort ();
  int y = x + ({ int u = 0; for (int i = 0; i < 3; i++) u += g (i); u; });
  if (y != 9 + 303)
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
  if (steps != 9)
    abort ();
#endif
  return 0;
}
