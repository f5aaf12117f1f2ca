/* QEMU API: CoQueue wakeups run as QEMU runs them.  From a coroutine,
   the woken coroutine runs when the waker yields or terminates, before
   control returns to the waker's caller, depth-first; from plain code
   (qemu_co_enter_next) at once.  Also CO_QUEUE_WAIT_FRONT, a CoMutex as
   the lock, restart_all, empty.  */
#include "sched-test.h"
#include <cpc/qemu-coroutine.h>

static CoQueue q, q2;
static CoMutex m;
static int value;

static void coroutine_fn
waiter (void *opaque)
{
  const char *name = opaque;
  trace ("%s:w", name);
  qemu_co_queue_wait (&q, NULL);
  trace ("%s:r", name);
  if (name[0] == 'B')
    {
      CHECK (qemu_co_queue_next (&q2));	/* wakes D, after B yields */
      trace ("%s:n", name);
    }
}

static void coroutine_fn
waiter2 (void *opaque)
{
  const char *name = opaque;
  qemu_co_queue_wait (&q2, NULL);
  trace ("%s:r", name);
}

static void coroutine_fn
waker (void *opaque)
{
  (void) opaque;
  trace ("A");
  CHECK (qemu_co_queue_next (&q));	/* B */
  CHECK (qemu_co_queue_next (&q));	/* C */
  trace ("A'");
  qemu_coroutine_yield ();
  trace ("A''");
}

static void coroutine_fn
locked_waiter (void *opaque)
{
  (void) opaque;
  qemu_co_mutex_lock (&m);
  while (value == 0)
    qemu_co_queue_wait (&q, &m);
  qemu_co_mutex_assert_locked (&m);
  trace ("v%d", value);
  qemu_co_mutex_unlock (&m);
}

static void coroutine_fn
setter (void *opaque)
{
  (void) opaque;
  qemu_co_mutex_lock (&m);
  value = 42;
  qemu_co_queue_restart_all (&q);
  trace ("set");
  qemu_co_mutex_unlock (&m);
}

int
main (void)
{
  qemu_co_queue_init (&q);
  qemu_co_queue_init (&q2);
  qemu_co_mutex_init (&m);
  CHECK (qemu_co_queue_empty (&q));
  Coroutine *a = qemu_coroutine_create (waker, NULL);
  qemu_coroutine_enter (qemu_coroutine_create (waiter, "B"));
  qemu_coroutine_enter (qemu_coroutine_create (waiter, "C"));
  qemu_coroutine_enter (qemu_coroutine_create (waiter2, "D"));
  CHECK (!qemu_co_queue_empty (&q));
  CHECK_TRACE ("B:w C:w");
  qemu_coroutine_enter (a);
  /* A yields: B runs (and queues D), then D (queued more recently), then
     C; only then does qemu_coroutine_enter return.  */
  CHECK_TRACE ("A A' B:r B:n D:r C:r");
  CHECK (qemu_co_queue_empty (&q));
  qemu_coroutine_enter (a);
  CHECK_TRACE ("A''");

  /* From plain code: entered at once, in order; FRONT jumps the line. */
  qemu_coroutine_enter (qemu_coroutine_create (waiter, "E"));
  qemu_coroutine_enter (qemu_coroutine_create (waiter, "F"));
  CHECK_TRACE ("E:w F:w");
  CHECK (qemu_co_enter_next (&q, NULL));
  CHECK_TRACE ("E:r");
  qemu_co_enter_all (&q, NULL);
  CHECK_TRACE ("F:r");
  CHECK (!qemu_co_enter_next (&q, NULL));

  /* With a CoMutex.  */
  qemu_coroutine_enter (qemu_coroutine_create (locked_waiter, NULL));
  qemu_coroutine_enter (qemu_coroutine_create (locked_waiter, NULL));
  CHECK (m.locked == 0);
  qemu_coroutine_enter (qemu_coroutine_create (setter, NULL));
  CHECK_TRACE ("set v42 v42");
  CHECK (m.locked == 0);
  return 0;
}
