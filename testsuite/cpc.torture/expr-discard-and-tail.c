/* The result of a coroutine call that suspends is discarded, used as a condition, and returned directly (tail position).  */
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

coroutine_fn static int
tail (int v)
{
  return f (v);
}

coroutine_fn static void
body (void *opaque)
{
  f (1);
  (void) g (2);
  if (!f (1))
    abort ();
  if (tail (21) != 42)
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
