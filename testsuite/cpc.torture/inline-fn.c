/* Inline coroutine functions (static inline and always_inline) that suspend, called from a loop.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static inline int
twice (int x)
{
  cpc_suspend ();
  return 2 * x;
}

coroutine_fn static inline __attribute__ ((always_inline)) int
plus_one (int x)
{
  int y = x + 1;
  cpc_suspend ();
  return y;
}

coroutine_fn static void
body (void *opaque)
{
  int acc = 0;
  for (int i = 0; i < 5; i++)
    acc = plus_one (twice (acc));
  if (acc != 31)
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
