/* Calls through coroutine_fn-typed function pointers are suspension points.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

typedef int coroutine_fn (*op_fn) (int);

coroutine_fn static int
sq (int x)
{
  cpc_suspend ();
  return x * x;
}

coroutine_fn static int
neg (int x)
{
  cpc_suspend ();
  cpc_suspend ();
  return -x;
}

coroutine_fn static int
apply (op_fn op, int x)
{
  int r = op (x);
  cpc_suspend ();
  return r;
}

coroutine_fn static void
body (void *opaque)
{
  op_fn p = sq;
  if (p (5) != 25)
    abort ();
  p = neg;
  if (p (5) != -5)
    abort ();
  if (apply (sq, 3) + apply (neg, 4) != 5)
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
  if (steps != 9)
    abort ();
#endif
  return 0;
}
