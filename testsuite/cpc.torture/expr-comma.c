/* Comma expressions containing coroutine calls.  */
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
  int a, b;
  int r = (a = f (1), b = g (a), a + b);
  if (a != 2 || b != 102 || r != 104)
    abort ();
  int i, n = 0;
  for (i = 0, f (0); i < 3; i++, g (0))
    n++;
  if (n != 3)
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
  if (steps != 11)
    abort ();
#endif
  return 0;
}
