/* The live list of a scheduler is changed without an atomic instruction
   by its own thread (a biased lock) and under a lock by others.  Race
   the two: the main thread keeps creating and finishing coroutines (its
   own unlocked path) while a second thread enters, and so takes over and
   finishes, coroutines the main thread created (unlinking them from the
   main thread's list).  A lost update corrupts the doubly linked list:
   the runtime's own check of the list (cpc__live_check, internal: this
   test links libcpc statically) runs along the way and at the end.  */
#include "sched-test.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

/* Both sides give the CPU away while they wait: on a loaded machine the
   two threads may share one CPU, and pure spinning would then cost a
   time slice per handoff.  */
#define HANDOFFS 10000
#define LOCAL_PER_HANDOFF 4

/* libcpc internal (runtime/internal.h): the length of the calling
   thread's live list, after checking it; aborts when it is corrupt.  */
size_t cpc__live_check (void);

static atomic_int finished_remote, finished_local;

coroutine_fn static void
migrant (void *opaque)
{
  (void) opaque;
  cpc_suspend ();			/* resumed on the other thread */
  atomic_fetch_add (&finished_remote, 1);
}

coroutine_fn static void
local (void *opaque)
{
  (void) opaque;
  atomic_fetch_add (&finished_local, 1);
}

/* A single-slot mailbox, main thread -> thread 2.  */
static cpc_coroutine *_Atomic mailbox;
static atomic_int producer_done;

static void *
thread2 (void *arg)
{
  (void) arg;
  int taken = 0;
  for (;;)
    {
      cpc_coroutine *co = atomic_exchange (&mailbox, NULL);
      if (co)
	{
	  cpc_enter (co);		/* migrates here and finishes */
	  taken++;
	}
      else if (atomic_load (&producer_done) && !atomic_load (&mailbox))
	break;
      else
	sched_yield ();
    }
  CHECK (taken == HANDOFFS);
  return NULL;
}

int
main (void)
{
  pthread_t t;
  CHECK (pthread_create (&t, NULL, thread2, NULL) == 0);
  for (int i = 0; i < HANDOFFS; i++)
    {
      cpc_coroutine *co = cpc_create (migrant, NULL);
      cpc_enter (co);			/* suspended, on this thread's list */
      while (atomic_load (&mailbox))
	{
	  /* Meanwhile, change this thread's list as fast as possible.  */
	  for (int k = 0; k < LOCAL_PER_HANDOFF; k++)
	    cpc_enter (cpc_create (local, NULL));
	  sched_yield ();
	}
      atomic_store (&mailbox, co);
      if (i % 64 == 0)
	cpc__live_check ();
    }
  atomic_store (&producer_done, 1);
  CHECK (pthread_join (t, NULL) == 0);
  CHECK (atomic_load (&finished_remote) == HANDOFFS);
  CHECK (atomic_load (&finished_local) > 0);
  CHECK (cpc__live_check () == 0);
  /* This thread's list is still sound: more coroutines come and go.  */
  for (int i = 0; i < 1000; i++)
    cpc_enter (cpc_create (local, NULL));
  CHECK (cpc__live_check () == 0);
  return 0;
}
