/* A coroutine may be resumed on another thread: thread-local variables
   read after a suspension are the resuming thread's.  Also through the
   other thread's scheduler (yield and sleep there).  */
#include "sched-test.h"
#include <pthread.h>

static __thread int tls_id;
static __thread int tls_array[4];
static cpc_coroutine *co;
static int stage;

coroutine_fn static int
read_tls (void)
{
  cpc_suspend ();
  return tls_id * 100 + tls_array[2];
}

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  int *a = &tls_id;			/* main's: explicitly taken, kept */
  CHECK (tls_id == 1 && tls_array[2] == 10);
  cpc_suspend ();
  /* Now on thread 2.  */
  CHECK (tls_id == 2 && tls_array[2] == 20);
  CHECK (*a == 1);
  for (int i = 0; i < 3; i++)
    {
      cpc_yield ();			/* thread 2's scheduler */
      CHECK (tls_id == 2);
      cpc_sleep_ns (100000);
      CHECK (tls_id == 2 && tls_array[2] == 20);
    }
  stage = 2;
  cpc_suspend ();
  /* Back on the main thread, through a call that suspends.  */
  CHECK (read_tls () == 310);
  CHECK (tls_id == 3);
  stage = 3;
}

static void *
thread2 (void *arg)
{
  (void) arg;
  tls_id = 2;
  tls_array[2] = 20;
  cpc_enter (co);			/* migrates to this thread */
  cpc_main_loop ();			/* runs its yields and sleeps */
  CHECK (stage == 2);
  return NULL;
}

int
main (void)
{
  tls_id = 1;
  tls_array[2] = 10;
  co = cpc_create (body, 0);
  cpc_enter (co);
  pthread_t t;
  CHECK (pthread_create (&t, NULL, thread2, NULL) == 0);
  CHECK (pthread_join (t, NULL) == 0);
  tls_id = 3;
  cpc_enter (co);			/* into read_tls, suspends */
  CHECK (stage == 2);
  cpc_enter (co);
  CHECK (stage == 3);
  return 0;
}
