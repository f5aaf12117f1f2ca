/* Static (internal linkage) and extern coroutine functions, including a static one whose address is never taken.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
helper (int x)
{
  cpc_suspend ();
  return x + 1;
}

coroutine_fn int cpc_test_public (int x);

coroutine_fn int
cpc_test_public (int x)
{
  return helper (x) * 2;
}

coroutine_fn static void
body (void *opaque)
{
  if (cpc_test_public (4) != 10 || helper (0) != 1)
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
  if (steps != 3)
    abort ();
#endif
  return 0;
}
