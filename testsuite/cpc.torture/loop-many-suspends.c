/* A loop that suspends 100000 times, with loop-carried values of several types.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  unsigned long long h = 1469598103934665603ULL;
  double x = 0;
  short s = 0;
  for (int i = 0; i < 100000; i++)
    {
      h = (h ^ (unsigned) i) * 1099511628211ULL;
      x += 0.25;
      s ^= (short) i;
      cpc_suspend ();
    }
  unsigned long long ref = 1469598103934665603ULL;
  short rs = 0;
  for (int i = 0; i < 100000; i++)
    {
      ref = (ref ^ (unsigned) i) * 1099511628211ULL;
      rs ^= (short) i;
    }
  if (h != ref || x != 25000.0 || s != rs)
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
      if (++steps > 200000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 100001)
    abort ();
#endif
  return 0;
}
