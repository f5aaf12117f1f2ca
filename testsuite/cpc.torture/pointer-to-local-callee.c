/* Pointers to the caller's locals are passed to a coroutine_fn that
   suspends before and after writing through them.  */
#include <cpc.h>
#include <stdlib.h>

struct acc { long sum; int n; };

static int done;

coroutine_fn static void
add (struct acc *a, int *counter, int v)
{
  cpc_suspend ();
  a->sum += v;
  a->n++;
  cpc_suspend ();
  ++*counter;
}

coroutine_fn static void
body (void *opaque)
{
  struct acc a = { 0, 0 };
  int counter = 0;
  for (int i = 1; i <= 10; i++)
    add (&a, &counter, i);
  if (a.sum != 55 || a.n != 10 || counter != 10)
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
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 21)
    abort ();
#endif
  return 0;
}
