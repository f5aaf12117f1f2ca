/* cpc_enter called from inside a coroutine: the inner coroutine runs
   until it suspends, control returns to the outer one, and cpc_self is
   restored.  The outer one keeps driving the inner one across its own
   suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int inner_done, outer_done, inner_steps;
static cpc_coroutine *outer_co;

coroutine_fn static void
inner (void *opaque)
{
  cpc_coroutine *me = cpc_self ();
  if (me == NULL || me == outer_co || me != *(cpc_coroutine **) opaque)
    abort ();
  for (int i = 0; i < 3; i++)
    {
      inner_steps++;
      cpc_suspend ();
      if (cpc_self () != me)
	abort ();
    }
  inner_done = 1;
}

coroutine_fn static void
outer (void *opaque)
{
  cpc_coroutine *in_co = NULL;
  in_co = cpc_create (inner, &in_co);
  int local = 77;
  while (!inner_done)
    {
      cpc_enter (in_co);
      if (cpc_self () != outer_co || !cpc_in_coroutine ())
	abort ();
      cpc_suspend ();
      if (local != 77)
	abort ();
    }
  outer_done = 1;
}

int
main (void)
{
  int steps = 0;
  outer_co = cpc_create (outer, NULL);
  while (!outer_done)
    {
      cpc_enter (outer_co);
      if (cpc_self () != NULL || cpc_in_coroutine ())
	abort ();
      if (++steps > 100)
	abort ();
    }
  if (inner_steps != 3)
    abort ();
#ifdef __CPC__
  if (steps != 5)
    abort ();
#endif
  return 0;
}
