/* Static locals of a coroutine function are shared by all calls and survive suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static int
counter (void)
{
  static int calls;
  static const char tag[] = "cpc";
  int mine = ++calls;
  cpc_suspend ();
  if (tag[2] != 'c')
    abort ();
  return mine * 100 + calls;
}

coroutine_fn static void
body (void *opaque)
{
  if (counter () != 101 || counter () != 202 || counter () != 303)
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
