/* A coroutine call in a while loop's condition.  */
#include <cpc.h>
#include <stdlib.h>

static int done;
static int items[] = { 4, 8, 15, 16, 23, 42, 0 };

coroutine_fn static int
get (int *pos)
{
  cpc_suspend ();
  return items[(*pos)++];
}

coroutine_fn static void
body (void *opaque)
{
  int pos = 0, v, sum = 0;
  while ((v = get (&pos)) != 0)
    sum += v;
  if (sum != 108 || pos != 7)
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
