/* An __attribute__((cleanup)) local whose scope spans suspensions: the cleanup runs exactly once, at scope exit, with the final value.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int cleanups, last_seen;

static void
release (int *p)
{
  cleanups++;
  last_seen = *p;
}

coroutine_fn static void
work (void)
{
  int before = cleanups;
  {
    int res __attribute__ ((cleanup (release))) = 10;
    cpc_suspend ();
    if (cleanups != before)
      abort ();
    res = 20;
    cpc_suspend ();
    res++;
  }
  if (cleanups != before + 1 || last_seen != 21)
    abort ();
  cpc_suspend ();
}

coroutine_fn static void
body (void *opaque)
{
  work ();
  work ();
  if (cleanups != 2)
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
  if (steps != 7)
    abort ();
#endif
  if (cleanups != 2)
    abort ();
  return 0;
}
