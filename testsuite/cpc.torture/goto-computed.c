/* Computed goto (GNU &&label) whose target address is taken before a
   suspension and jumped to after it.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
dispatch (int op)
{
  void *table[] = { &&l_add, &&l_mul, &&l_neg };
  void *target = table[op];
  int v = 6;
  cpc_suspend ();
  goto *target;
l_add:
  return v + 1;
l_mul:
  return v * 7;
l_neg:
  return -v;
}

coroutine_fn static void
body (void *opaque)
{
  if (dispatch (0) != 7 || dispatch (1) != 42 || dispatch (2) != -6)
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
