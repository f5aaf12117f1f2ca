/* __builtin_expect and __builtin_constant_p around coroutine calls.  */
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
  int n = 0;
  if (__builtin_expect (f (1) == 2, 1))
    n++;
  if (__builtin_expect (g (1) != 101, 0))
    abort ();
  long v = __builtin_expect (f (21), 42);
  if (v != 42 || n != 1)
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
