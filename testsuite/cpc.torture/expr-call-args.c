/* Coroutine calls as arguments of plain and coroutine functions.  */
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

static long
plain3 (long a, long b, long c)
{
  return a * 10000 + b * 100 + c;
}

coroutine_fn static long
co3 (long a, long b, long c)
{
  cpc_suspend ();
  return a - b - c;
}

coroutine_fn static void
body (void *opaque)
{
  long p = plain3 (f (1), 7, f (3));
  if (p != 20706)
    abort ();
  long q = co3 (g (0), f (10), 5);
  if (q != 100 - 20 - 5)
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
  if (steps != 7)
    abort ();
#endif
  return 0;
}
