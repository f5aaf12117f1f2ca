/* cpc: stackless coroutines for C, lowered by the cpc GCC plugin.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_H
#define CPC_H

#if !defined (__CPC__) && !defined (CPC_BUILDING_RUNTIME)
#error "<cpc.h> needs the cpc GCC plugin: compile with -fplugin=cpc (see: pkg-config --cflags cpc)"
#endif

#include <stdbool.h>
#include <stdint.h>
#include "cpc-abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __CPC__
/* Marks a function (declaration or function type) that may suspend.  */
# define coroutine_fn __attribute__ ((coroutine_fn))
#else
/* Only libcpc's own plain-C files see this: they never call a
   coroutine_fn except through the trampoline.  */
# define coroutine_fn
#endif

typedef struct cpc_coroutine cpc_coroutine;
typedef void coroutine_fn cpc_entry_fn (void *opaque);

/* Create a coroutine that will run ENTRY (OPAQUE); it does not start until
   cpc_enter.  Never returns NULL (aborts when out of memory).  */
cpc_coroutine *cpc_create (cpc_entry_fn *entry, void *opaque);

/* Run CO until it suspends or returns.  A coroutine whose entry function
   returned is freed before cpc_enter returns.  Entering a running or
   finished coroutine aborts with a message.  May be called from inside a
   coroutine: the inner one runs, and cpc_enter returns to the outer one
   when it suspends or finishes.  */
void cpc_enter (cpc_coroutine *co);

/* The fast path of cpc_enter, inlined when optimizing (GNU inline: the
   library's cpc_enter is the out-of-line copy).  For a coroutine of this
   thread: resuming one that suspends again in its innermost frame is one
   compare before and two tests after one indirect call (cpc-abi.def
   says why these suffice); a new one starts in cpc__start, without the
   checks.  cpc__enter_finish and cpc__enter_slow do everything else (a
   frame that finished or called deeper, a state a primitive set, QEMU
   wakeups, other threads, misuse).  */
void cpc__enter_slow (cpc_coroutine *co);
void cpc__start (cpc_coroutine *co);
void cpc__enter_finish (cpc_coroutine *co, struct cpc_hot *prev,
			struct cpc_frame *f);
#if defined (__OPTIMIZE__) && !defined (CPC_BUILDING_RUNTIME) \
    && !defined (__cplusplus)
extern __inline __attribute__ ((__gnu_inline__)) void
cpc_enter (cpc_coroutine *co)
{
  struct cpc_hot *h = (struct cpc_hot *) co;
  /* The word8 holds the word, the flag, the magic and the scheduler's
     index: one compare tests that CO is a suspended coroutine of this
     thread's scheduler (cpc-abi.def).  */
  if (__builtin_expect (co != 0
			&& CPC__GET_WORD8 (h) == cpc__word8_suspended, 1))
    {
      struct cpc_hot *prev = cpc__current;
      struct cpc_frame *f = h->top;
      cpc__current = h;
      CPC__SET_WORD8 (h, cpc__word8_running);
      f->resume (f, f->state);
      /* 1: F suspended by itself, no frame was linked (the generated code
	 sets 2 when it links one, cpc-abi.def); the library takes any
	 other value as the ABI says (nonzero).  The store of the suspended
	 word8 clears it.  */
      if (__builtin_expect (CPC__GET_SUSPENDING (h) == 1
			    && CPC__GET_WORD (h) == CPC__WORD_RUNNING, 1))
	{
	  CPC__SET_WORD8 (h, cpc__word8_suspended);
	  cpc__current = prev;
	  return;
	}
      cpc__enter_finish (co, prev, f);
    }
  else
    {
      /* Read the word8 again: held in a register from the test above, it
	 costs the resume path a load folded into its compare.  */
      __asm__ ("" : : : "memory");
      if (__builtin_expect (co != 0
			    && CPC__GET_WORD8 (h) == cpc__word8_new, 1))
	cpc__start (co);
      else
	cpc__enter_slow (co);
    }
}
#endif

/* Suspend the current coroutine: control returns to whoever called
   cpc_enter.  Expanded in place by the plugin.  */
coroutine_fn void cpc_suspend (void);

/* The running coroutine, or NULL outside any coroutine.  */
cpc_coroutine *cpc_self (void);
bool cpc_in_coroutine (void);

/* ---- The scheduler (one per OS thread; docs/RUNTIME.md) -------------- */

/* cpc_create + cpc_wake: CO goes to the back of the run queue of the
   calling thread's scheduler.  The result stays valid until CO returns.  */
cpc_coroutine *cpc_spawn (cpc_entry_fn *entry, void *opaque);

/* Make CO runnable: append it to the back of its scheduler's run queue.
   CO may be new (cpc_create), suspended by cpc_suspend, or sleeping (the
   sleep is cut short); waking a runnable coroutine does nothing.  Waking
   a running coroutine, or one waiting on I/O or a synchronization object,
   aborts with a message.  From another thread: safe; CO's own scheduler
   makes it runnable (its loop is woken up).  */
void cpc_wake (cpc_coroutine *co);

/* Go to the back of the run queue.  */
coroutine_fn void cpc_yield (void);

/* Sleep at least NS nanoseconds (CLOCK_MONOTONIC).  Equal deadlines wake
   in the order the sleeps began.  */
coroutine_fn void cpc_sleep_ns (uint64_t ns);

/* Events for cpc_io_wait (the poll(2) values).  */
#define CPC_IO_IN 0x001
#define CPC_IO_OUT 0x004
#define CPC_IO_ERR 0x008	/* only in results */
#define CPC_IO_HUP 0x010	/* only in results */

/* Wait until FD is ready for EVENTS (CPC_IO_IN, CPC_IO_OUT or both).
   Returns the ready events (a nonzero subset of EVENTS, plus CPC_IO_ERR /
   CPC_IO_HUP on an error or hang-up, when EVENTS are then set too), or
   -EBADF (FD not open), -EINVAL (bad EVENTS), -ECANCELED (cpc_io_cancel),
   another -errno of epoll_ctl.  A regular file is always ready.  At most
   one coroutine waits for input and one for output on an FD at a time: a
   second one aborts with a message.  */
coroutine_fn int cpc_io_wait (int fd, int events);

/* cpc_io_wait, giving up after NS nanoseconds with -ETIMEDOUT.  */
coroutine_fn int cpc_io_wait_timeout (int fd, int events, uint64_t ns);

/* Make every coroutine waiting on FD return -ECANCELED and forget FD.
   Call it before closing an fd another coroutine may wait on.  */
void cpc_io_cancel (int fd);

/* Run the calling thread's scheduler until nothing is runnable, sleeping,
   waiting on I/O, and no cpc_sched_ref is held.  May be called again
   after it returns.  Must not be called from a coroutine.  */
void cpc_main_loop (void);

/* Keep cpc_main_loop running while nothing else is pending (for example
   while another thread is expected to cpc_wake a coroutine of this
   thread).  Calls nest; call both on the scheduler's own thread.  */
void cpc_sched_ref (void);
void cpc_sched_unref (void);

/* CLOCK_MONOTONIC in nanoseconds, the clock of cpc_sleep_ns.  */
uint64_t cpc_now_ns (void);

/* ---- Embedding in a foreign event loop (docs/RUNTIME.md) ------------- */

/* A file descriptor that is readable when cpc_sched_dispatch has I/O or a
   cross-thread wake to deliver (an epoll fd).  */
int cpc_sched_fd (void);
/* One non-blocking step: deliver ready I/O and cross-thread wakes, fire
   due timers, then run the coroutines that were runnable at that point
   (each once).  Must not be called from a coroutine.  */
void cpc_sched_dispatch (void);
/* When cpc_sched_dispatch must be called next without the fd becoming
   readable: -1 never (nothing runnable or sleeping), else an absolute
   CLOCK_MONOTONIC time in ns (now or earlier when something is runnable).  */
int64_t cpc_sched_deadline_ns (void);
/* The same as a poll(2) timeout in milliseconds from now (-1, 0 or more,
   rounded up).  */
int cpc_sched_timeout_ms (void);
/* True while cpc_main_loop would keep running.  */
bool cpc_sched_pending (void);

/* ---- Synchronization (coroutines of one thread) ---------------------- */

struct cpc_waitq { cpc_coroutine *head, *tail; };

/* Condition variable.  No spurious wakeups; a signal with no waiter is
   not remembered.  Woken waiters go to the back of the run queue in the
   order they waited.  Zero-initialized is initialized.  */
typedef struct cpc_cond { struct cpc_waitq waiters; } cpc_cond;
#define CPC_COND_INITIALIZER { { 0, 0 } }
void cpc_cond_init (cpc_cond *c);
coroutine_fn void cpc_cond_wait (cpc_cond *c);
void cpc_cond_signal (cpc_cond *c);
void cpc_cond_broadcast (cpc_cond *c);

/* Mutex, FIFO-fair: unlock hands the lock to the longest waiter (no
   barging).  Unlocking a mutex the caller does not hold aborts.  */
typedef struct cpc_mutex
{
  cpc_coroutine *owner;
  struct cpc_waitq waiters;
} cpc_mutex;
#define CPC_MUTEX_INITIALIZER { 0, { 0, 0 } }
void cpc_mutex_init (cpc_mutex *m);
coroutine_fn void cpc_mutex_lock (cpc_mutex *m);
bool cpc_mutex_trylock (cpc_mutex *m);
void cpc_mutex_unlock (cpc_mutex *m);

/* Readers-writer lock with writer preference: once a writer waits, new
   readers queue behind it (FIFO).  */
typedef struct cpc_rwlock
{
  cpc_coroutine *writer;
  unsigned int readers;
  struct cpc_waitq waiters;
} cpc_rwlock;
#define CPC_RWLOCK_INITIALIZER { 0, 0, { 0, 0 } }
void cpc_rwlock_init (cpc_rwlock *rw);
coroutine_fn void cpc_rwlock_rdlock (cpc_rwlock *rw);
coroutine_fn void cpc_rwlock_wrlock (cpc_rwlock *rw);
/* Read lock -> write lock.  Immediate when the caller is the only
   reader; otherwise it waits, ahead of every waiting writer, for the
   other readers to leave.  */
coroutine_fn void cpc_rwlock_upgrade (cpc_rwlock *rw);
/* Write lock -> read lock; waiting readers at the head are let in.  */
void cpc_rwlock_downgrade (cpc_rwlock *rw);
void cpc_rwlock_unlock (cpc_rwlock *rw);

/* A queue of waiting coroutines (QEMU's CoQueue).  */
typedef struct cpc_queue { struct cpc_waitq waiters; } cpc_queue;
#define CPC_QUEUE_INITIALIZER { { 0, 0 } }
void cpc_queue_init (cpc_queue *q);
/* Wait; with M (may be NULL), unlock M while waiting and relock it.  */
coroutine_fn void cpc_queue_wait (cpc_queue *q, cpc_mutex *m);
/* Make the first waiter runnable; false when there was none.  */
bool cpc_queue_next (cpc_queue *q);
void cpc_queue_restart_all (cpc_queue *q);
bool cpc_queue_empty (const cpc_queue *q);

#ifdef __cplusplus
}
#endif

#endif /* CPC_H */
