/* Recursive Fibonacci as a coroutine, suspending in every call.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
fib (int n)
{
  cpc_suspend ();
  if (n < 2)
    return n;
  return fib (n - 1) + fib (n - 2);
}

coroutine_fn static void
body (void *opaque)
{
  if (fib (15) != 610)
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
      if (++steps > 100000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 1974)
    abort ();
#endif
  return 0;
}
