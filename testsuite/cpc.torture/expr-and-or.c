/* Short-circuit && and || with coroutine calls: the right operand runs only when it must.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int calls;

coroutine_fn static int
t (int v)
{
  calls++;
  cpc_suspend ();
  return v;
}

coroutine_fn static void
body (void *opaque)
{
  int hits = 0;
  calls = 0;
  if (t (1) && t (1))
    hits++;
  if (calls != 2)
    abort ();
  if (t (0) && t (1))
    abort ();
  if (calls != 3)
    abort ();
  if (t (1) || t (0))
    hits++;
  if (calls != 4)
    abort ();
  if (!(t (0) || t (0)))
    hits++;
  if (calls != 6)
    abort ();
  int v = t (2) && (t (0) || t (3));
  if (v != 1 || calls != 9 || hits != 3)
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
  if (steps != 10)
    abort ();
#endif
  return 0;
}
