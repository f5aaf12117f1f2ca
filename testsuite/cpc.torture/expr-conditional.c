/* Conditional expressions choosing between coroutine calls: c ? f() : g().  */
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
  int r = 0;
  for (int c = 0; c < 4; c++)
    r += (c & 1) ? f (c) : g (c);
  /* g(0) + f(1) + g(2) + f(3) */
  if (r != 100 + 2 + 102 + 6)
    abort ();
  int z = f (1) ? g (1) : f (99);
  if (z != 101)
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
  if (steps != 10)
    abort ();
#endif
  return 0;
}
