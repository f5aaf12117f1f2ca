/* QEMU's coroutine API on top of cpc: code written against QEMU's
   include/qemu/coroutine.h compiles unchanged with -fplugin=cpc and
   behaves as QEMU documents (in one thread with one AioContext).
   Divergences are listed in docs/RUNTIME.md, "The QEMU API".

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_QEMU_COROUTINE_H
#define CPC_QEMU_COROUTINE_H

#include <stdbool.h>
#include <stdint.h>
#include <cpc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Markers.  coroutine_fn comes from <cpc.h> and is checked by the
   plugin; the other two document intent, as in QEMU.  */
#ifndef coroutine_mixed_fn
# define coroutine_mixed_fn
#endif
#ifndef no_coroutine_fn
# define no_coroutine_fn
#endif

typedef struct cpc_coroutine Coroutine;
typedef void coroutine_fn CoroutineEntry (void *opaque);

/* Create a coroutine; it does not run until qemu_coroutine_enter.  */
Coroutine *qemu_coroutine_create (CoroutineEntry *entry, void *opaque);
/* Transfer control to CO until it yields or terminates; then run the
   coroutines it woke (CoQueue, CoMutex, CoRwlock), depth-first.  */
void qemu_coroutine_enter (Coroutine *co);
/* qemu_coroutine_enter unless CO is currently entered.  */
void qemu_coroutine_enter_if_inactive (Coroutine *co);
/* Back to the caller of qemu_coroutine_enter.  */
coroutine_fn void qemu_coroutine_yield (void);
/* The current coroutine (NULL outside one: QEMU returns a "leader").  */
coroutine_mixed_fn Coroutine *qemu_coroutine_self (void);
bool qemu_in_coroutine (void);
/* Whether CO is entered: running, or has entered another coroutine that
   has not yielded yet.  */
bool qemu_coroutine_entered (Coroutine *co);

/* ---- CoMutex: FIFO, hand-off to the longest waiter.  */
typedef struct CoMutex
{
  unsigned int locked;		/* holder + waiters */
  Coroutine *holder;
  struct cpc_waitq waiters;
} CoMutex;
void qemu_co_mutex_init (CoMutex *mutex);
coroutine_fn void qemu_co_mutex_lock (CoMutex *mutex);
coroutine_fn void qemu_co_mutex_unlock (CoMutex *mutex);
void qemu_co_mutex_assert_locked (CoMutex *mutex);

/* ---- CoQueue.  The lock of qemu_co_queue_wait is a CoMutex or NULL;
   the lock of qemu_co_enter_next / qemu_co_enter_all must be NULL (QEMU
   also takes QemuMutex and others: not provided).  */
typedef struct CoQueue { struct cpc_waitq entries; } CoQueue;
typedef enum { CO_QUEUE_WAIT_FRONT = 0x1 } CoQueueWaitFlags;
void qemu_co_queue_init (CoQueue *queue);
coroutine_fn void qemu_co_queue_wait_impl (CoQueue *queue, CoMutex *lock,
					   CoQueueWaitFlags flags);
#define qemu_co_queue_wait(queue, lock) \
  qemu_co_queue_wait_impl (queue, lock, 0)
#define qemu_co_queue_wait_flags(queue, lock, flags) \
  qemu_co_queue_wait_impl (queue, lock, flags)
/* Wake the first waiter: from a coroutine it runs when the caller next
   yields or terminates; from plain code, at once.  */
coroutine_fn bool qemu_co_queue_next (CoQueue *queue);
coroutine_fn void qemu_co_queue_restart_all (CoQueue *queue);
bool qemu_co_enter_next_impl (CoQueue *queue, void *lock);
#define qemu_co_enter_next(queue, lock) qemu_co_enter_next_impl (queue, lock)
void qemu_co_enter_all_impl (CoQueue *queue, void *lock);
#define qemu_co_enter_all(queue, lock) qemu_co_enter_all_impl (queue, lock)
bool qemu_co_queue_empty (CoQueue *queue);

/* ---- CoRwlock: QEMU's ticket algorithm (fair, writers not starved).  */
typedef struct CoRwTicket CoRwTicket;
struct CoRwTicket { bool read; Coroutine *co; CoRwTicket *next; };
typedef struct CoRwlock
{
  CoMutex mutex;
  int owners;			/* readers, or -1 for a writer */
  CoRwTicket *head, *tail;
} CoRwlock;
void qemu_co_rwlock_init (CoRwlock *lock);
coroutine_fn void qemu_co_rwlock_rdlock (CoRwlock *lock);
coroutine_fn void qemu_co_rwlock_wrlock (CoRwlock *lock);
coroutine_fn void qemu_co_rwlock_upgrade (CoRwlock *lock);
coroutine_fn void qemu_co_rwlock_downgrade (CoRwlock *lock);
coroutine_fn void qemu_co_rwlock_unlock (CoRwlock *lock);

/* ---- Sleeping: needs cpc_main_loop (or cpc_sched_dispatch) to run, in
   place of QEMU's main loop.  Every clock is CLOCK_MONOTONIC.  */
typedef enum
{
  QEMU_CLOCK_REALTIME = 0,
  QEMU_CLOCK_VIRTUAL = 1,
  QEMU_CLOCK_HOST = 2,
  QEMU_CLOCK_VIRTUAL_RT = 3,
} QEMUClockType;
typedef struct QemuCoSleep { Coroutine *to_wake; } QemuCoSleep;
coroutine_fn void qemu_co_sleep_ns (QEMUClockType type, int64_t ns);
coroutine_fn void qemu_co_sleep_ns_wakeable (QemuCoSleep *w,
					     QEMUClockType type, int64_t ns);
/* Wake a sleeper early, as aio_co_wake would (no-op if not sleeping).  */
void qemu_co_sleep_wake (QemuCoSleep *w);

#ifdef __cplusplus
}
#endif

#endif /* CPC_QEMU_COROUTINE_H */
