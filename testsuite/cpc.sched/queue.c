/* cpc_queue: wait with and without a mutex, next, restart_all, empty.  */
#include "sched-test.h"

static cpc_queue q = CPC_QUEUE_INITIALIZER;
static cpc_mutex m = CPC_MUTEX_INITIALIZER;
static int items;

coroutine_fn static void
consumer (void *opaque)
{
  int id = (int) (long) opaque;
  cpc_mutex_lock (&m);
  while (items == 0)
    {
      trace ("c%dw", id);
      cpc_queue_wait (&q, &m);
      CHECK (m.owner == cpc_self ());
    }
  items--;
  trace ("c%dgot", id);
  cpc_mutex_unlock (&m);
}

coroutine_fn static void
producer (void *opaque)
{
  (void) opaque;
  cpc_mutex_lock (&m);
  items += 2;
  trace ("p");
  CHECK (cpc_queue_next (&q));
  CHECK (cpc_queue_next (&q));
  CHECK (!cpc_queue_next (&q));	/* c2 is not waiting yet */
  CHECK (cpc_queue_empty (&q));
  cpc_mutex_unlock (&m);
}

coroutine_fn static void
plain_waiter (void *opaque)
{
  int id = (int) (long) opaque;
  cpc_queue_wait (&q, NULL);
  trace ("x%d", id);
}

int
main (void)
{
  cpc_queue_init (&q);
  CHECK (cpc_queue_empty (&q));
  cpc_spawn (consumer, (void *) 0L);
  cpc_spawn (consumer, (void *) 1L);
  cpc_spawn (producer, 0);
  cpc_spawn (consumer, (void *) 2L);
  cpc_main_loop ();
  /* p makes c0 and c1 runnable, behind c2 (spawned last but already on
     the run queue): c2 takes an item first, c0 the other, c1 waits
     again.  */
  CHECK_TRACE ("c0w c1w p c2got c0got c1w");
  CHECK (!cpc_queue_empty (&q));
  items = 1;
  CHECK (cpc_queue_next (&q));
  cpc_main_loop ();
  CHECK_TRACE ("c1got");

  for (long i = 0; i < 3; i++)
    cpc_spawn (plain_waiter, (void *) i);
  cpc_main_loop ();
  CHECK (!cpc_queue_empty (&q));
  cpc_queue_restart_all (&q);
  CHECK (cpc_queue_empty (&q));
  cpc_main_loop ();
  CHECK_TRACE ("x0 x1 x2");
  return 0;
}
