/* A coroutine names its scheduler by a 16-bit index (docs/ABI.md), which
   a scheduler gives back when it is freed.  More threads than there are
   indices come and go one after another, so the indices wrap around: a
   new scheduler must never take the index of one still alive (an exited
   thread's, kept for its suspended coroutine), and coroutines of the
   main thread must keep resuming through the inline cpc_enter while the
   indices around theirs change hands.  */
#include "sched-test.h"
#include <pthread.h>

#define THREADS 66000		/* more than the 65,535 indices */

/* libcpc's check of the live count against the slabs (internal).  */
size_t cpc__live_check (void);

static long steps;

coroutine_fn static void
counter (void *opaque)
{
  long *n = opaque;
  for (;;)
    {
      ++*n;
      cpc_suspend ();
    }
}

coroutine_fn static void
two_steps (void *opaque)
{
  long *n = opaque;
  ++*n;
  cpc_suspend ();
  ++*n;
}

/* Left suspended by a thread that exits: its scheduler, an orphan,
   keeps its index until the main thread finishes it.  */
static cpc_coroutine *orphaned;
static long orphan_steps;

static void *
thread_body (void *arg)
{
  long i = (long) arg;
  long n = 0;
  cpc_coroutine *co = cpc_create (two_steps, &n);
  cpc_enter (co);
  cpc_enter (co);		/* finishes: the scheduler can go */
  CHECK (n == 2);
  if (i == 10)
    {
      orphaned = cpc_create (two_steps, &orphan_steps);
      cpc_enter (orphaned);
    }
  return NULL;
}

int
main (void)
{
  cpc_coroutine *mine = cpc_create (counter, &steps);
  cpc_enter (mine);
  for (long i = 0; i < THREADS; i++)
    {
      pthread_t t;
      CHECK (pthread_create (&t, NULL, thread_body, (void *) i) == 0);
      CHECK (pthread_join (t, NULL) == 0);
      cpc_enter (mine);
      CHECK (steps == i + 2);
    }
  /* The orphan's scheduler outlived 65,989 others.  */
  CHECK (orphan_steps == 1);
  cpc_enter (orphaned);		/* migrates here and finishes */
  CHECK (orphan_steps == 2);
  CHECK (cpc__live_check () == 1);
  return 0;
}
