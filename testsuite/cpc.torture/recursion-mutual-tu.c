/* Mutual recursion across translation units: is_even here, is_odd in
   recursion-mutual-tu-aux.c, each suspending before recursing.  */
/* { dg-additional-sources "recursion-mutual-tu-aux.c" } */
#include <cpc.h>
#include <stdlib.h>

coroutine_fn int is_odd (unsigned n);

static int done;

coroutine_fn int
is_even (unsigned n)
{
  if (n == 0)
    return 1;
  cpc_suspend ();
  return is_odd (n - 1);
}

coroutine_fn static void
body (void *opaque)
{
  if (!is_even (1000) || is_even (777) || !is_odd (333) || is_odd (0))
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
      if (++steps > 100000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 2111)
    abort ();
#endif
  return 0;
}
