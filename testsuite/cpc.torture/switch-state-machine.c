/* Switch on the result of a coroutine call, with the case bodies
   suspending; the switch runs in a loop (a small state machine).  */
#include <cpc.h>
#include <stdlib.h>

enum state { START, MIDDLE, END, STOP };
static int done;

coroutine_fn static enum state
step (enum state s)
{
  cpc_suspend ();
  return s + 1;
}

coroutine_fn static void
body (void *opaque)
{
  enum state s = START;
  int visits[4] = { 0 };
  for (;;)
    {
      switch (step (s))
	{
	case MIDDLE:
	  visits[MIDDLE]++;
	  s = MIDDLE;
	  cpc_suspend ();
	  continue;
	case END:
	  visits[END]++;
	  s = END;
	  continue;
	case STOP:
	  visits[STOP]++;
	  break;
	default:
	  abort ();
	}
      break;
    }
  if (visits[MIDDLE] != 1 || visits[END] != 1 || visits[STOP] != 1)
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
  if (steps != 5)
    abort ();
#endif
  return 0;
}
