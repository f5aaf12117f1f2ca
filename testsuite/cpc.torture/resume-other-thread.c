/* A coroutine suspended on one thread is resumed on another: its locals
   are intact and cpc_self is right on the new thread (nothing is cached
   across a suspension).  */
/* { dg-options "-pthread" } */
#include <cpc.h>
#include <pthread.h>
#include <stdlib.h>

static int done;
static __thread int thread_tag;

coroutine_fn static void
body (void *opaque)
{
  cpc_coroutine *me = cpc_self ();
  long local = 123456;
  int first_tag = thread_tag;
  cpc_suspend ();
  if (cpc_self () != me || local != 123456)
    abort ();
#ifdef __CPC__
  if (thread_tag == first_tag)	/* TLS is the new thread's */
    abort ();
#else
  (void) first_tag;
#endif
  local++;
  cpc_suspend ();
  if (local != 123457)
    abort ();
  done = 1;
}

static void *
resumer (void *arg)
{
  thread_tag = 2;
  cpc_enter (arg);
  if (cpc_self () != NULL)
    abort ();
  return NULL;
}

int
main (void)
{
  thread_tag = 1;
  cpc_coroutine *co = cpc_create (body, NULL);
  cpc_enter (co);
  pthread_t t;
  if (pthread_create (&t, NULL, resumer, co) != 0)
    abort ();
  pthread_join (t, NULL);
  if (cpc_self () != NULL)
    abort ();
  while (!done)
    cpc_enter (co);
  return 0;
}
