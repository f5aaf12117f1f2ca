/* Parameters reassigned in the callee across suspensions; the caller's arguments are unchanged.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
countdown (int n, int acc)
{
  while (n > 0)
    {
      acc += n;
      n--;
      cpc_suspend ();
    }
  return acc;
}

coroutine_fn static void
body (void *opaque)
{
  int n = 5, acc = 1;
  if (countdown (n, acc) != 16 || n != 5 || acc != 1)
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
  if (steps != 6)
    abort ();
#endif
  return 0;
}
