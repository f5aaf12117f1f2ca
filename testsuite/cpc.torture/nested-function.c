/* A GNU nested function (using only its own parameters) defined and called inside a coroutine, before and after suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int square (int v) { return v * v; }
  int a = square (3);
  cpc_suspend ();
  a += square (4);
  cpc_suspend ();
  if (a != 25 || square (a) != 625)
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
