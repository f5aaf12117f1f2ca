/* Temporaries computed before a suspending call in the same expression
   (a * b, a function result, a loaded global) are kept across it.  */
#include <cpc.h>
#include <stdlib.h>

static int done;
static int global = 1000;

static int
plain (int x)
{
  return x * 3;
}

coroutine_fn static int
slow (int x)
{
  cpc_suspend ();
  global = -1;		/* must not change the value already loaded */
  return x + 1;
}

coroutine_fn static void
body (void *opaque)
{
  int a = 6, b = 7;
  long r1 = a * b + slow (1);
  if (r1 != 44)
    abort ();
  global = 1000;
  int r2 = global + slow (2);
  if (r2 != 1003 || global != -1)
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
