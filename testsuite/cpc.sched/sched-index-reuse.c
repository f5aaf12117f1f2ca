/* A coroutine names its scheduler by an index (docs/ABI.md), which a
   scheduler gives back when it is freed.  With the indices limited to
   1-7 (a test hook: 65,535 threads are too slow under an emulator),
   threads come and go one after another, so the indices wrap around
   several times: a new scheduler must never take the index of one still
   alive (an exited thread's, kept for its suspended coroutine), and the
   main thread's coroutine must keep resuming through the inline
   cpc_enter while the indices around its own change hands.  */
#include "sched-test.h"
#include <pthread.h>

#define THREADS 50

/* libcpc's test hooks (internal).  */
void cpc__sched_limit_indices (unsigned int n);
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

/* Left suspended by threads that exit: their schedulers, orphans, keep
   their indices until the main thread finishes the coroutines.  */
static cpc_coroutine *orphans[2];
static long orphan_steps[2];

static void *
thread_body (void *arg)
{
  long i = (long) arg;
  long n = 0;
  cpc_coroutine *co = cpc_create (two_steps, &n);
  cpc_enter (co);
  cpc_enter (co);		/* finishes: the scheduler can go */
  CHECK (n == 2);
  if (i == 3 || i == 20)
    {
      int k = i == 20;
      orphans[k] = cpc_create (two_steps, &orphan_steps[k]);
      cpc_enter (orphans[k]);
    }
  return NULL;
}

int
main (void)
{
  cpc__sched_limit_indices (8);
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
  /* The orphans' schedulers outlived the others' indices wrapping
     around theirs.  */
  for (int k = 0; k < 2; k++)
    {
      CHECK (orphan_steps[k] == 1);
      cpc_enter (orphans[k]);	/* migrates here and finishes */
      CHECK (orphan_steps[k] == 2);
    }
  CHECK (cpc__live_check () == 1);
  return 0;
}
