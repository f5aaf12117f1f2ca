/* Nested coroutine calls: f(g(x)) and g(f(g(x))).  */
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
  int x = 3;
  if (f (g (x)) != 206)
    abort ();
  int y = g (f (g (x)));
  if (y != 306)
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
