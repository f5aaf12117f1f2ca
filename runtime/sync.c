/* Synchronization objects for the coroutines of one thread: the plain-C
   halves (signal, unlock, the bookkeeping before a wait).  The waits are
   coroutine_fn code in sync-coro.c.  Semantics: docs/RUNTIME.md.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stddef.h>
#include "internal.h"

static cpc_coroutine *
self_or_die (const char *what)
{
  cpc_coroutine *co = cpc_self ();
  if (!co)
    cpc__die ("%s: called outside any coroutine", what);
  return co;
}

/* ---- Wait queues -------------------------------------------------------- */

static void
waitq_push (struct cpc_waitq *q, cpc_coroutine *co)
{
  *cpc__next (co) = NULL;
  if (q->tail)
    *cpc__next (q->tail) = co;
  else
    q->head = co;
  q->tail = co;
}

static cpc_coroutine *
waitq_pop (struct cpc_waitq *q)
{
  cpc_coroutine *co = q->head;
  if (co)
    {
      q->head = *cpc__next (co);
      if (!q->head)
	q->tail = NULL;
      *cpc__next (co) = NULL;
    }
  return co;
}

void
cpc__wait_prepare (struct cpc_waitq *q, int state, void *obj, int kind)
{
  cpc_coroutine *co = self_or_die ("wait");
  cpc__ext (co)->wait_obj = obj;
  co->state = (unsigned char) state;
  co->ext->wait_kind = (unsigned char) kind;
  waitq_push (q, co);
}

static void
wake (cpc_coroutine *co)
{
  co->ext->wait_obj = NULL;	/* cpc__wait_prepare made it */
  co->ext->wait_kind = 0;
  cpc__make_runnable (co);
}

/* ---- cpc_cond ----------------------------------------------------------- */

void
cpc_cond_init (cpc_cond *c)
{
  c->waiters.head = c->waiters.tail = NULL;
}

void
cpc_cond_signal (cpc_cond *c)
{
  cpc_coroutine *co = waitq_pop (&c->waiters);
  if (co)
    wake (co);
}

void
cpc_cond_broadcast (cpc_cond *c)
{
  cpc_coroutine *co;
  while ((co = waitq_pop (&c->waiters)))
    wake (co);
}

/* ---- cpc_queue ---------------------------------------------------------- */

void
cpc_queue_init (cpc_queue *q)
{
  q->waiters.head = q->waiters.tail = NULL;
}

bool
cpc_queue_next (cpc_queue *q)
{
  cpc_coroutine *co = waitq_pop (&q->waiters);
  if (!co)
    return false;
  wake (co);
  return true;
}

void
cpc_queue_restart_all (cpc_queue *q)
{
  while (cpc_queue_next (q))
    ;
}

bool
cpc_queue_empty (const cpc_queue *q)
{
  return q->waiters.head == NULL;
}

/* ---- cpc_mutex ---------------------------------------------------------- */

void
cpc_mutex_init (cpc_mutex *m)
{
  m->owner = NULL;
  m->waiters.head = m->waiters.tail = NULL;
}

int
cpc__mutex_lock_prepare (cpc_mutex *m)
{
  cpc_coroutine *self = self_or_die ("cpc_mutex_lock");
  if (!m->owner)
    {
      m->owner = self;
      return 0;
    }
  if (m->owner == self)
    cpc__die ("cpc_mutex_lock: the calling coroutine already holds the"
	      " mutex (deadlock)");
  cpc__wait_prepare (&m->waiters, CPC_ST_WAIT_MUTEX, m, 0);
  return 1;
}

bool
cpc_mutex_trylock (cpc_mutex *m)
{
  cpc_coroutine *self = self_or_die ("cpc_mutex_trylock");
  if (m->owner)
    return false;
  m->owner = self;
  return true;
}

void
cpc_mutex_unlock (cpc_mutex *m)
{
  if (!m->owner)
    cpc__die ("cpc_mutex_unlock: mutex is not locked");
  if (m->owner != cpc_self ())
    cpc__die ("cpc_mutex_unlock: mutex is held by another coroutine");
  /* Hand-off: the longest waiter owns the lock before it even runs.  */
  cpc_coroutine *next = waitq_pop (&m->waiters);
  m->owner = next;
  if (next)
    wake (next);
}

/* ---- cpc_rwlock --------------------------------------------------------- */

void
cpc_rwlock_init (cpc_rwlock *rw)
{
  rw->writer = NULL;
  rw->readers = 0;
  rw->waiters.head = rw->waiters.tail = NULL;
}

/* Let in whoever can enter at the head of the queue.  */
static void
rw_grant (cpc_rwlock *rw)
{
  cpc_coroutine *co;
  while ((co = rw->waiters.head) && !rw->writer)
    {
      if (co->ext->wait_kind == CPC_RW_READ)
	{
	  waitq_pop (&rw->waiters);
	  rw->readers++;
	  wake (co);
	}
      else
	{
	  if (rw->readers == 0)
	    {
	      waitq_pop (&rw->waiters);
	      rw->writer = co;
	      wake (co);
	    }
	  break;
	}
    }
}

int
cpc__rwlock_rdlock_prepare (cpc_rwlock *rw)
{
  cpc_coroutine *self = self_or_die ("cpc_rwlock_rdlock");
  if (rw->writer == self)
    cpc__die ("cpc_rwlock_rdlock: the calling coroutine holds the write"
	      " lock (deadlock)");
  if (!rw->writer && !rw->waiters.head)
    {
      rw->readers++;
      return 0;
    }
  cpc__wait_prepare (&rw->waiters, CPC_ST_WAIT_RWLOCK, rw, CPC_RW_READ);
  return 1;
}

int
cpc__rwlock_wrlock_prepare (cpc_rwlock *rw)
{
  cpc_coroutine *self = self_or_die ("cpc_rwlock_wrlock");
  if (rw->writer == self)
    cpc__die ("cpc_rwlock_wrlock: the calling coroutine already holds the"
	      " write lock (deadlock)");
  if (!rw->writer && rw->readers == 0 && !rw->waiters.head)
    {
      rw->writer = self;
      return 0;
    }
  cpc__wait_prepare (&rw->waiters, CPC_ST_WAIT_RWLOCK, rw, CPC_RW_WRITE);
  return 1;
}

int
cpc__rwlock_upgrade_prepare (cpc_rwlock *rw)
{
  cpc_coroutine *self = self_or_die ("cpc_rwlock_upgrade");
  if (rw->writer || rw->readers == 0)
    cpc__die ("cpc_rwlock_upgrade: the caller does not hold a read lock");
  if (rw->readers == 1)
    {
      rw->readers = 0;
      rw->writer = self;
      return 0;
    }
  rw->readers--;
  /* Queue ahead of every waiter but earlier upgraders.  */
  cpc__ext (self)->wait_obj = rw;
  self->state = CPC_ST_WAIT_RWLOCK;
  self->ext->wait_kind = CPC_RW_UPGRADE;
  cpc_coroutine **p = &rw->waiters.head, *prev = NULL;
  while (*p && (*p)->ext->wait_kind == CPC_RW_UPGRADE)
    {
      prev = *p;
      p = cpc__next (*p);
    }
  *cpc__next (self) = *p;
  *p = self;
  if (!*cpc__next (self))
    rw->waiters.tail = self;
  (void) prev;
  return 1;
}

void
cpc_rwlock_downgrade (cpc_rwlock *rw)
{
  cpc_coroutine *self = cpc_self ();
  if (!rw->writer || rw->writer != self)
    cpc__die ("cpc_rwlock_downgrade: the caller does not hold the write"
	      " lock");
  rw->writer = NULL;
  rw->readers = 1;
  /* Readers at the head come in; a writer at the head keeps its turn.  */
  cpc_coroutine *co;
  while ((co = rw->waiters.head) && co->ext->wait_kind == CPC_RW_READ)
    {
      waitq_pop (&rw->waiters);
      rw->readers++;
      wake (co);
    }
}

void
cpc_rwlock_unlock (cpc_rwlock *rw)
{
  if (rw->writer)
    {
      if (rw->writer != cpc_self ())
	cpc__die ("cpc_rwlock_unlock: the write lock is held by another"
		  " coroutine");
      rw->writer = NULL;
    }
  else if (rw->readers)
    rw->readers--;
  else
    cpc__die ("cpc_rwlock_unlock: rwlock is not locked");
  rw_grant (rw);
}
