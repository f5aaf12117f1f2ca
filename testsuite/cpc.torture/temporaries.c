/* Temporaries computed before a suspending call in the same expression
   (a * b, a plain function's result) are kept across it.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int
plain (int x)
{
  return x * 3;
}

coroutine_fn static int
slow (int x)
{
  cpc_suspend ();
  return x + 1;
}

coroutine_fn static void
body (void *opaque)
{
  int a = 6, b = 7;
  long r1 = a * b + slow (1);
  if (r1 != 44)
    abort ();
  int r2 = a * b;
  r2 = r2 - slow (r2) * 2;
  if (r2 != 42 - 86)
    abort ();
  double r3 = plain (a) * 0.5 + slow (b) * 2.0;
  if (r3 != 9.0 + 16.0)
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
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 4)
    abort ();
#endif
  return 0;
}
