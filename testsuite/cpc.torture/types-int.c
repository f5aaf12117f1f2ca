/* int locals and parameters keep their values across suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int a = *(int *) opaque;
  int b = -123456789;
  cpc_suspend ();
  if (a != 42 || b != -123456789)
    abort ();
  a += b;
  cpc_suspend ();
  if (a != 42 - 123456789)
    abort ();
  done = 1;
}

int
main (void)
{
  int arg = 42, steps = 0;
  cpc_coroutine *co = cpc_create (body, &arg);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 10)
	abort ();
    }
#ifdef __CPC__
  if (steps != 3)
    abort ();
#endif
  return 0;
}
