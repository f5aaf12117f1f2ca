/* cpc_wake from another thread: the owner's loop, blocked in epoll, is
   woken and resumes the coroutine on its own thread.  Many round trips,
   and many coroutines woken at once.  */
#include "sched-test.h"
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define ROUNDS 200
#define MANY 100

static pthread_t owner;
static cpc_coroutine *_Atomic slot;
static int rounds_done;

static void *
helper (void *arg)
{
  (void) arg;
  for (int i = 0; i < ROUNDS; i++)
    {
      cpc_coroutine *co;
      while (!(co = atomic_exchange (&slot, NULL)))
	usleep (10);
      if (i % 50 == 0)
	usleep (2000);			/* the owner is asleep in epoll */
      cpc_wake (co);
    }
  return NULL;
}

coroutine_fn static void
pinger (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < ROUNDS; i++)
    {
      CHECK (pthread_equal (pthread_self (), owner));
      atomic_store (&slot, cpc_self ());
      cpc_suspend ();			/* the helper may wake us early */
      rounds_done++;
    }
  cpc_sched_unref ();
}

static cpc_coroutine *many[MANY];
static int many_done;

coroutine_fn static void
sleeper (void *opaque)
{
  long i = (long) opaque;
  cpc_suspend ();
  CHECK (pthread_equal (pthread_self (), owner));
  CHECK (many_done == i);		/* woken in order */
  many_done++;
  if (many_done == MANY)
    cpc_sched_unref ();
}

static void *
wake_many (void *arg)
{
  (void) arg;
  usleep (1000);
  for (int i = 0; i < MANY; i++)
    cpc_wake (many[i]);
  return NULL;
}

int
main (void)
{
  owner = pthread_self ();
  pthread_t t;
  cpc_sched_ref ();			/* until pinger is done */
  cpc_spawn (pinger, 0);
  CHECK (pthread_create (&t, NULL, helper, NULL) == 0);
  cpc_main_loop ();
  CHECK (pthread_join (t, NULL) == 0);
  CHECK (rounds_done == ROUNDS);

  for (long i = 0; i < MANY; i++)
    many[i] = cpc_spawn (sleeper, (void *) i);
  cpc_main_loop ();			/* all suspended now */
  cpc_sched_ref ();
  CHECK (pthread_create (&t, NULL, wake_many, NULL) == 0);
  cpc_main_loop ();
  CHECK (pthread_join (t, NULL) == 0);
  CHECK (many_done == MANY);
  return 0;
}
