/* do-while loops with a suspension in the body and a coroutine call in
   the condition.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
dec (int *p)
{
  cpc_suspend ();
  return --*p;
}

coroutine_fn static void
body (void *opaque)
{
  int i = 0, acc = 0;
  do
    {
      cpc_suspend ();
      acc += i;
    }
  while (++i < 5);
  if (acc != 10)
    abort ();
  int n = 4, iters = 0;
  do
    iters++;
  while (dec (&n) > 0);
  if (iters != 4 || n != 0)
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
