/* Compound assignments and array indexing around coroutine calls.  */
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
  int a[4] = { 1, 2, 3, 4 };
  int i = 1;
  a[i] += f (3);
  if (a[1] != 8)
    abort ();
  a[f (1)] = g (0);
  if (a[2] != 100)
    abort ();
  int x = 10;
  x *= f (x);
  x -= g (x);
  if (x != 200 - 300)
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
