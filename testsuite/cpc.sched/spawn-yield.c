/* spawn and yield: the run queue is FIFO, spawn and yield append.  */
#include "sched-test.h"

static int done;

coroutine_fn static void
child (void *opaque)
{
  trace ("c%d", (int) (long) opaque);
  done++;
}

coroutine_fn static void
worker (void *opaque)
{
  int id = (int) (long) opaque;
  for (int i = 0; i < 3; i++)
    {
      trace ("%c%d", 'A' + id, i);
      if (id == 1 && i == 0)
	cpc_spawn (child, (void *) 7L);	/* behind C0's next turn */
      cpc_yield ();
    }
  trace ("%c.", 'A' + id);
  done++;
}

int
main (void)
{
  for (long i = 0; i < 3; i++)
    cpc_spawn (worker, (void *) i);
  CHECK (trace_len == 0);		/* spawn does not run anything */
  CHECK (cpc_sched_pending ());
  cpc_main_loop ();
  CHECK_TRACE ("A0 B0 C0 A1 c7 B1 C1 A2 B2 C2 A. B. C.");
  CHECK (done == 4);
  CHECK (!cpc_sched_pending ());
  /* The loop may be run again.  */
  cpc_spawn (worker, (void *) 0L);
  cpc_spawn (child, (void *) 9L);
  cpc_main_loop ();
  CHECK_TRACE ("A0 c9 A1 A2 A.");
  CHECK (done == 6);
  return 0;
}
