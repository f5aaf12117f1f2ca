/* QEMU's coroutine API (<cpc/qemu-coroutine.h>): the coroutine_fn part,
   compiled with the cpc plugin.  CoMutex and CoQueue follow QEMU's
   util/qemu-coroutine-lock.c in one thread; CoRwlock is QEMU's ticket
   algorithm, with the tickets in the waiting coroutines' frames (frames
   never move, so the list can point into them).

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stddef.h>
#include "internal.h"
#include "cpc/qemu-coroutine.h"

coroutine_fn void
qemu_coroutine_yield (void)
{
  cpc_suspend ();
}

/* Yield until woken by cpc__qemu_wake, recorded as waiting on OBJ.  */
coroutine_fn static void
wait_on (void *obj)
{
  cpc_coroutine *self = cpc__self_or_die ("qemu coroutine wait");
  cpc__ext (self)->wait_obj = obj;
  self->state = CPC_ST_WAIT_QEMU;
  cpc_suspend ();
}

/* ---- CoMutex ------------------------------------------------------------ */

coroutine_fn void
qemu_co_mutex_lock (CoMutex *mutex)
{
  cpc_coroutine *self = cpc__self_or_die ("qemu_co_mutex_lock");
  if (mutex->locked++ != 0)
    {
      *cpc__next (self) = NULL;
      if (mutex->waiters.tail)
	*cpc__next (mutex->waiters.tail) = self;
      else
	mutex->waiters.head = self;
      mutex->waiters.tail = self;
      wait_on (mutex);			/* the unlocker hands it over */
    }
  mutex->holder = self;
}

coroutine_fn void
qemu_co_mutex_unlock (CoMutex *mutex)
{
  cpc_coroutine *self = cpc__self_or_die ("qemu_co_mutex_unlock");
  if (!mutex->locked)
    cpc__die ("qemu_co_mutex_unlock: mutex is not locked");
  if (mutex->holder != self)
    cpc__die ("qemu_co_mutex_unlock: mutex is held by another coroutine");
  mutex->holder = NULL;
  if (--mutex->locked == 0)
    return;
  cpc_coroutine *next = mutex->waiters.head;
  mutex->waiters.head = *cpc__next (next);
  if (!mutex->waiters.head)
    mutex->waiters.tail = NULL;
  *cpc__next (next) = NULL;
  cpc__qemu_wake (next);
}

/* ---- CoQueue ------------------------------------------------------------ */

coroutine_fn void
qemu_co_queue_wait_impl (CoQueue *queue, CoMutex *lock,
			 CoQueueWaitFlags flags)
{
  cpc_coroutine *self = cpc__self_or_die ("qemu_co_queue_wait");
  struct cpc_waitq *q = &queue->entries;
  if (flags & CO_QUEUE_WAIT_FRONT)
    {
      *cpc__next (self) = q->head;
      q->head = self;
      if (!q->tail)
	q->tail = self;
    }
  else
    {
      *cpc__next (self) = NULL;
      if (q->tail)
	*cpc__next (q->tail) = self;
      else
	q->head = self;
      q->tail = self;
    }
  if (lock)
    qemu_co_mutex_unlock (lock);
  wait_on (queue);
  if (lock)
    qemu_co_mutex_lock (lock);
}

coroutine_fn bool
qemu_co_queue_next (CoQueue *queue)
{
  return qemu_co_enter_next_impl (queue, NULL);
}

coroutine_fn void
qemu_co_queue_restart_all (CoQueue *queue)
{
  qemu_co_enter_all_impl (queue, NULL);
}

/* ---- CoRwlock (QEMU's algorithm) ---------------------------------------- */

static void
push_ticket (CoRwlock *lock, CoRwTicket *t)
{
  t->next = NULL;
  if (lock->tail)
    lock->tail->next = t;
  else
    lock->head = t;
  lock->tail = t;
}

static void
pop_ticket (CoRwlock *lock)
{
  lock->head = lock->head->next;
  if (!lock->head)
    lock->tail = NULL;
}

coroutine_fn static void
maybe_wake_one (CoRwlock *lock)
{
  CoRwTicket *tkt = lock->head;
  Coroutine *co = NULL;
  /* Setting owners here keeps rdlock and wrlock from sneaking in between
     the unlock and the wake.  */
  if (tkt)
    {
      if (tkt->read)
	{
	  if (lock->owners >= 0)
	    {
	      lock->owners++;
	      co = tkt->co;
	    }
	}
      else if (lock->owners == 0)
	{
	  lock->owners = -1;
	  co = tkt->co;
	}
    }
  if (co)
    {
      pop_ticket (lock);
      qemu_co_mutex_unlock (&lock->mutex);
      cpc__qemu_wake (co);
    }
  else
    qemu_co_mutex_unlock (&lock->mutex);
}

coroutine_fn void
qemu_co_rwlock_rdlock (CoRwlock *lock)
{
  Coroutine *self = cpc__self_or_die ("qemu_co_rwlock_rdlock");
  qemu_co_mutex_lock (&lock->mutex);
  /* For fairness, wait if a writer is in line.  */
  if (lock->owners == 0 || (lock->owners > 0 && !lock->head))
    {
      lock->owners++;
      qemu_co_mutex_unlock (&lock->mutex);
    }
  else
    {
      CoRwTicket my_ticket = { true, self, NULL };
      push_ticket (lock, &my_ticket);
      qemu_co_mutex_unlock (&lock->mutex);
      wait_on (lock);
      if (lock->owners < 1)
	cpc__die ("qemu_co_rwlock_rdlock: woken without the lock");
      /* Possibly wake another reader, which wakes the next in line.  */
      qemu_co_mutex_lock (&lock->mutex);
      maybe_wake_one (lock);
    }
}

coroutine_fn void
qemu_co_rwlock_unlock (CoRwlock *lock)
{
  cpc__self_or_die ("qemu_co_rwlock_unlock");
  qemu_co_mutex_lock (&lock->mutex);
  if (lock->owners > 0)
    lock->owners--;
  else if (lock->owners == -1)
    lock->owners = 0;
  else
    cpc__die ("qemu_co_rwlock_unlock: rwlock is not locked");
  maybe_wake_one (lock);
}

coroutine_fn void
qemu_co_rwlock_downgrade (CoRwlock *lock)
{
  qemu_co_mutex_lock (&lock->mutex);
  if (lock->owners != -1)
    cpc__die ("qemu_co_rwlock_downgrade: not write-locked");
  lock->owners = 1;
  /* Possibly wake another reader, which wakes the next in line.  */
  maybe_wake_one (lock);
}

coroutine_fn void
qemu_co_rwlock_wrlock (CoRwlock *lock)
{
  Coroutine *self = cpc__self_or_die ("qemu_co_rwlock_wrlock");
  qemu_co_mutex_lock (&lock->mutex);
  if (lock->owners == 0)
    {
      lock->owners = -1;
      qemu_co_mutex_unlock (&lock->mutex);
    }
  else
    {
      CoRwTicket my_ticket = { false, self, NULL };
      push_ticket (lock, &my_ticket);
      qemu_co_mutex_unlock (&lock->mutex);
      wait_on (lock);
      if (lock->owners != -1)
	cpc__die ("qemu_co_rwlock_wrlock: woken without the lock");
    }
}

coroutine_fn void
qemu_co_rwlock_upgrade (CoRwlock *lock)
{
  Coroutine *self = cpc__self_or_die ("qemu_co_rwlock_upgrade");
  qemu_co_mutex_lock (&lock->mutex);
  if (lock->owners <= 0)
    cpc__die ("qemu_co_rwlock_upgrade: not read-locked");
  /* For fairness, wait if a writer is in line.  */
  if (lock->owners == 1 && !lock->head)
    {
      lock->owners = -1;
      qemu_co_mutex_unlock (&lock->mutex);
    }
  else
    {
      CoRwTicket my_ticket = { false, self, NULL };
      lock->owners--;
      push_ticket (lock, &my_ticket);
      maybe_wake_one (lock);
      wait_on (lock);
      if (lock->owners != -1)
	cpc__die ("qemu_co_rwlock_upgrade: woken without the lock");
    }
}

/* ---- Sleeping ----------------------------------------------------------- */

coroutine_fn void
qemu_co_sleep_ns_wakeable (QemuCoSleep *w, QEMUClockType type, int64_t ns)
{
  (void) type;
  w->to_wake = cpc__self_or_die ("qemu_co_sleep_ns");
  cpc_sleep_ns (ns > 0 ? (uint64_t) ns : 0);
  w->to_wake = NULL;
}

coroutine_fn void
qemu_co_sleep_ns (QEMUClockType type, int64_t ns)
{
  QemuCoSleep w = { NULL };
  qemu_co_sleep_ns_wakeable (&w, type, ns);
}
