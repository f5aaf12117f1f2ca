/* Two suspending calls in one arithmetic expression: x = f(a) + g(b).  */
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
  int a = 5, b = 7;
  int x = f (a) + g (b);
  if (x != 10 + 107)
    abort ();
  long y = (long) f (x) * g (-100) - f (1);
  if (y != 0 - 2)
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
  if (steps != 8)
    abort ();
#endif
  return 0;
}
