/* A suspension in each case of a switch that falls through.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
run (int start)
{
  int trace = 0;
  switch (start)
    {
    case 0:
      trace = trace * 10 + 1;
      cpc_suspend ();
      /* Fall through.  */
    case 1:
      trace = trace * 10 + 2;
      cpc_suspend ();
      /* Fall through.  */
    case 2:
      trace = trace * 10 + 3;
      cpc_suspend ();
      break;
    default:
      cpc_suspend ();
      trace = -1;
    }
  return trace;
}

coroutine_fn static void
body (void *opaque)
{
  if (run (0) != 123 || run (1) != 23 || run (2) != 3 || run (9) != -1)
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
