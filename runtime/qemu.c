/* QEMU's coroutine API (<cpc/qemu-coroutine.h>): the plain-C part.
   Wakeups follow QEMU's aio_co_wake in a single AioContext: from inside
   a coroutine the woken one is queued on the waker's wakeup list and
   entered when the waker yields or terminates (depth-first, see
   run_wakeups in coroutine.c); from plain code it is entered at once.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stddef.h>
#include "internal.h"
#include "cpc/qemu-coroutine.h"

void
cpc__qemu_wake (cpc_coroutine *co)
{
  cpc_coroutine *self = cpc_self ();
  if (!self)
    {
      cpc__resume (co);
      return;
    }
  if (self == co)
    cpc__die ("aio_co_wake: a coroutine cannot wake itself");
  struct cpc_ext *x = cpc__ext (self);
  co->state = CPC_ST_WAKEUP;
  if (co->ext)
    co->ext->wait_obj = NULL;
  *cpc__next (co) = NULL;
  if (x->wk_tail)
    *cpc__next (x->wk_tail) = co;
  else
    x->wakeups = co;
  x->wk_tail = co;
  self->pending = CPC_PEND_WAKEUPS;	/* this run ends in the library */
}

Coroutine *
qemu_coroutine_create (CoroutineEntry *entry, void *opaque)
{
  return cpc_create (entry, opaque);
}

void
qemu_coroutine_enter (Coroutine *co)
{
  if (!co)
    cpc__die ("qemu_coroutine_enter: coroutine is NULL");
  if (co->magic != CPC_MAGIC)
    cpc__die ("qemu_coroutine_enter: not a live coroutine (already"
	      " terminated?)");
  if (co->running)
    cpc__die ("qemu_coroutine_enter: Co-routine re-entered recursively");
  switch (co->state)
    {
    case CPC_ST_NEW:
    case CPC_ST_SUSPENDED:
    case CPC_ST_WAIT_QEMU:
      break;
    default:
      cpc__die ("qemu_coroutine_enter: Co-routine was already scheduled"
		" (%s)", cpc__state_name (co->state));
    }
  cpc__resume (co);
}

void
qemu_coroutine_enter_if_inactive (Coroutine *co)
{
  if (!qemu_coroutine_entered (co))
    qemu_coroutine_enter (co);
}

Coroutine *
qemu_coroutine_self (void)
{
  return cpc_self ();
}

bool
qemu_in_coroutine (void)
{
  return cpc_in_coroutine ();
}

bool
qemu_coroutine_entered (Coroutine *co)
{
  return co->running;
}

void
qemu_co_mutex_init (CoMutex *mutex)
{
  mutex->locked = 0;
  mutex->holder = NULL;
  mutex->waiters.head = mutex->waiters.tail = NULL;
}

void
qemu_co_mutex_assert_locked (CoMutex *mutex)
{
  if (!mutex->locked || mutex->holder != cpc_self ())
    cpc__die ("qemu_co_mutex_assert_locked: mutex not held by the"
	      " current coroutine");
}

void
qemu_co_queue_init (CoQueue *queue)
{
  queue->entries.head = queue->entries.tail = NULL;
}

bool
qemu_co_queue_empty (CoQueue *queue)
{
  return queue->entries.head == NULL;
}

bool
qemu_co_enter_next_impl (CoQueue *queue, void *lock)
{
  if (lock)
    cpc__die ("qemu_co_enter_next: only a NULL lock is supported");
  cpc_coroutine *next = queue->entries.head;
  if (!next)
    return false;
  queue->entries.head = *cpc__next (next);
  if (!queue->entries.head)
    queue->entries.tail = NULL;
  *cpc__next (next) = NULL;
  cpc__qemu_wake (next);
  return true;
}

void
qemu_co_enter_all_impl (CoQueue *queue, void *lock)
{
  while (qemu_co_enter_next_impl (queue, lock))
    ;
}

void
qemu_co_rwlock_init (CoRwlock *lock)
{
  qemu_co_mutex_init (&lock->mutex);
  lock->owners = 0;
  lock->head = lock->tail = NULL;
}

void
qemu_co_sleep_wake (QemuCoSleep *w)
{
  Coroutine *co = w->to_wake;
  if (co)
    {
      w->to_wake = NULL;
      if (co->state == CPC_ST_SLEEPING)
	{
	  cpc__unsleep (co);
	  cpc__qemu_wake (co);
	}
    }
}
