/* Volatile locals keep their values across suspensions and every access happens.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  volatile int v = 1;
  volatile double d = 0.5;
  volatile char buf[4] = { 'a', 'b', 'c', 0 };
  for (int i = 0; i < 5; i++)
    {
      v = v * 2;
      cpc_suspend ();
      d = d + v;
      buf[i % 3]++;
    }
  if (v != 32 || d != 0.5 + 2 + 4 + 8 + 16 + 32 || buf[0] != 'c' || buf[1] != 'd'
      || buf[2] != 'd')
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
