/* Misuse: more threads with coroutines at once than there are scheduler
   indices.  The indices are limited to 1-3 by a test hook (the real
   limit, 65,535, takes too many threads): the main thread's scheduler
   and two exited threads' (each kept by a suspended coroutine) take
   them all, and a fourth thread's first coroutine aborts with a message
   instead of sharing an index.  */
/* { dg-output "cpc: more than 3 threads have coroutines at once" } */
#include <pthread.h>
#include <stdlib.h>
#include <cpc.h>

void cpc__sched_limit_indices (unsigned int n);

coroutine_fn static void
wait_forever (void *opaque)
{
  (void) opaque;
  cpc_suspend ();
}

static void *
thread_body (void *arg)
{
  (void) arg;
  cpc_enter (cpc_create (wait_forever, NULL));
  return NULL;
}

int
main (void)
{
  cpc__sched_limit_indices (4);
  cpc_enter (cpc_create (wait_forever, NULL));
  for (int i = 0; i < 3; i++)
    {
      pthread_t t;
      if (pthread_create (&t, NULL, thread_body, NULL) != 0
	  || pthread_join (t, NULL) != 0)
	abort ();
    }
  return 0;			/* not reached */
}
