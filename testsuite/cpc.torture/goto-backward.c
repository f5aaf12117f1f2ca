/* A backward goto forming a loop around a suspension.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int i = 0, sum = 0;
again:
  cpc_suspend ();
  sum += i;
  if (++i < 10)
    goto again;
  if (sum != 45)
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
  if (steps != 11)
    abort ();
#endif
  return 0;
}
