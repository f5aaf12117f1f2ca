/* The coroutine_fn halves of the scheduler and of the synchronization
   objects.  Compiled with the cpc plugin: each one lets the plain-C half
   (sched.c, sync.c) record the wait, then suspends.  Whoever ends the wait
   has already put the coroutine back on the run queue and left its result
   where the second half reads it.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "internal.h"

coroutine_fn void
cpc_yield (void)
{
  cpc__yield_prepare ();
  cpc_suspend ();
}

coroutine_fn void
cpc_sleep_ns (uint64_t ns)
{
  if (cpc__sleep_prepare (ns))
    cpc_suspend ();
}

coroutine_fn int
cpc_io_wait (int fd, int events)
{
  int result;
  if (!cpc__io_prepare (fd, events, &result))
    return result;
  cpc_suspend ();
  return cpc__io_result ();
}

coroutine_fn int
cpc_io_wait_timeout (int fd, int events, uint64_t ns)
{
  int result;
  if (!cpc__io_prepare (fd, events, &result))
    return result;
  cpc__io_set_timeout (ns);
  cpc_suspend ();
  return cpc__io_result ();
}

coroutine_fn void
cpc_cond_wait (cpc_cond *c)
{
  cpc__wait_prepare (&c->waiters, CPC_ST_WAIT_COND, c, 0);
  cpc_suspend ();
}

coroutine_fn void
cpc_mutex_lock (cpc_mutex *m)
{
  /* On wake-up the lock has been handed over: nothing to retry.  */
  if (cpc__mutex_lock_prepare (m))
    cpc_suspend ();
}

coroutine_fn void
cpc_queue_wait (cpc_queue *q, cpc_mutex *m)
{
  cpc__wait_prepare (&q->waiters, CPC_ST_WAIT_QUEUE, q, 0);
  if (m)
    cpc_mutex_unlock (m);
  cpc_suspend ();
  if (m)
    cpc_mutex_lock (m);
}

coroutine_fn void
cpc_rwlock_rdlock (cpc_rwlock *rw)
{
  if (cpc__rwlock_rdlock_prepare (rw))
    cpc_suspend ();
}

coroutine_fn void
cpc_rwlock_wrlock (cpc_rwlock *rw)
{
  if (cpc__rwlock_wrlock_prepare (rw))
    cpc_suspend ();
}

coroutine_fn void
cpc_rwlock_upgrade (cpc_rwlock *rw)
{
  if (cpc__rwlock_upgrade_prepare (rw))
    cpc_suspend ();
}
