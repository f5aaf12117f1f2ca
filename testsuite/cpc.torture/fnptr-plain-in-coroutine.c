/* A plain function pointer called inside a coroutine (not a suspension point) mixed with suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int triple (int x) { return 3 * x; }
static int (*plain_ptr) (int) = triple;

coroutine_fn static void
body (void *opaque)
{
  int (*local_ptr) (int) = plain_ptr;
  int a = local_ptr (2);
  cpc_suspend ();
  a += local_ptr (a);
  cpc_suspend ();
  if (a != 24 || local_ptr != triple)
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
