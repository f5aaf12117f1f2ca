/* Forward gotos across suspensions, including out of nested blocks.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
f (int x)
{
  int r = 0;
  if (x > 0)
    goto positive;
  cpc_suspend ();
  r = -1;
  goto out;
positive:
  {
    int y = x * 2;
    cpc_suspend ();
    if (y > 10)
      goto big;
    r = y;
  }
  goto out;
big:
  cpc_suspend ();
  r = 100;
out:
  cpc_suspend ();
  return r;
}

coroutine_fn static void
body (void *opaque)
{
  if (f (-3) != -1 || f (2) != 4 || f (6) != 100)
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
