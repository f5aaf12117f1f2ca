/* A four-level call chain suspending only at the bottom; every level keeps its locals and receives its callee's result on resume.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
level3 (int x)
{
  for (int i = 0; i < 3; i++)
    cpc_suspend ();
  return x + 3;
}

coroutine_fn static int
level2 (int x)
{
  int local = x * 10;
  int r = level3 (x);
  return r + local;
}

coroutine_fn static int
level1 (int x)
{
  double keep = x / 4.0;
  int r = level2 (x + 1);
  return r + (int) (keep * 4);
}

coroutine_fn static void
body (void *opaque)
{
  /* level2(2): level3 -> 5, + 20 = 25; level1: + 1 = 26 */
  if (level1 (1) != 26)
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
  if (steps != 4)
    abort ();
#endif
  return 0;
}
