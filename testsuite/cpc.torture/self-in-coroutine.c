/* cpc_self and cpc_in_coroutine inside and outside coroutines, and across suspensions in a called coroutine function.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static cpc_coroutine *created;

coroutine_fn static void
check_self (void)
{
  cpc_coroutine *before = cpc_self ();
  cpc_suspend ();
  if (cpc_self () != before || before != created || !cpc_in_coroutine ())
    abort ();
}

coroutine_fn static void
body (void *opaque)
{
  if (cpc_self () != created || !cpc_in_coroutine ())
    abort ();
  check_self ();
  check_self ();
  done = 1;
}

int
main (void)
{
  if (cpc_self () != NULL || cpc_in_coroutine ())
    abort ();
  int steps = 0;
  created = cpc_create (body, NULL);
  if (cpc_self () != NULL)
    abort ();
  while (!done)
    {
      cpc_enter (created);
      if (cpc_self () != NULL || cpc_in_coroutine ())
	abort ();
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 3)
    abort ();
#endif
  return 0;
}
