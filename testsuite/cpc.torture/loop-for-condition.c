/* Coroutine calls in a for loop's condition and increment expressions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
less (int a, int b)
{
  cpc_suspend ();
  return a < b;
}

coroutine_fn static int
next (int a)
{
  cpc_suspend ();
  return a + 3;
}

coroutine_fn static void
body (void *opaque)
{
  int n = 0, i;
  for (i = 0; less (i, 10); i = next (i))
    n++;
  if (n != 4 || i != 12)
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
