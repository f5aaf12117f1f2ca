/* struct cpc_sched, the per-thread scheduler's state: shared by the
   scheduler (sched.c), its count of live coroutines (live.c, live.h)
   and, for the count's fast paths, the coroutine objects (coroutine.c).  A debugger
   reads it too (docs/RUNTIME.md, "Introspection").  Not installed.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_SCHED_DATA_H
#define CPC_SCHED_DATA_H

#include <pthread.h>
#include <stdatomic.h>
#include "internal.h"

/* One waited-on file descriptor.  */
struct cpc_fdw
{
  cpc_coroutine *rd, *wr;	/* waiting for input / output */
  unsigned char armed;		/* believed registered in the epoll set */
};

struct cpc_sched
{
  /* Run queue: FIFO, a ring of RQ_CAP (a power of two, or 0) entries
     from RQ_FIRST: an array rather than links, so that no coroutine
     object carries a link it needs only while runnable.  */
  cpc_coroutine **rq;
  size_t rq_cap, rq_first, rq_len;
  /* Timer heap: binary min-heap on (deadline, seq).  */
  cpc_coroutine **heap;
  size_t heap_len, heap_cap;
  uint64_t timer_seq;
  /* I/O.  */
  int epfd, evfd;
  struct cpc_fdw *fds;
  size_t nfds;			/* entries of FDS */
  size_t io_waiters;		/* coroutines in WAIT_IO */
  uint64_t last_poll;		/* when epoll was last asked (ns) */
  unsigned int rounds_since_poll;
  size_t refs;			/* cpc_sched_ref */
  int in_dispatch;
  /* Cross-thread wakes: an array under a mutex; evfd wakes the loop.  */
  pthread_mutex_t remote_lock;
  cpc_coroutine **remote;
  size_t remote_len, remote_cap;
  atomic_int remote_pending;
  /* How many live coroutines this scheduler owns (live.h; a debugger
     finds them in the slabs, slab.h).  A coroutine may move to, and
     finish on, another thread, so other threads may change the count
     too: they take the spin lock.  The owning thread, which does nearly
     all the changes (every cpc_create and every finish), takes a biased
     lock instead: it announces itself in live_busy and goes ahead
     without an atomic instruction unless another thread ever touched the
     count (live_shared); that thread made the announcement visible with
     membarrier(2) first (live.c).  */
  atomic_flag live_lock;
  atomic_int live_shared;
  atomic_int live_busy;
  size_t nlive;
  int orphan;			/* its thread exited: free with the last */
  /* Waiters on fds closed behind the scheduler's back (close without
     cpc_io_cancel; epoll forgets such fds silently): looked for a few at
     a time, at most every CLOSED_CHECK_NS.  */
  uint64_t last_fd_check;
  size_t fd_check_cursor;
  /* For a debugger that cannot read thread-local variables (gdb through
     qemu-user's gdb stub): the owning thread's id and the address of its
     cpc__current while the thread lives (0 and NULL after), in the list
     of every scheduler, cpc__debug_scheds (sched.c).  */
  long tid;
  struct cpc_hot **current_addr;
  struct cpc_sched *debug_next;
  /* Its entry in cpc__scheds, which its coroutines name in their word8
     (internal.h).  */
  unsigned short index;
};

/* Make S CO's scheduler.  */
static inline void
cpc__set_sched (cpc_coroutine *co, struct cpc_sched *s)
{
  cpc__set_sched_index (co, s->index);
}

/* Free S (its thread has exited and its last coroutine finished).  */
CPC_INTERNAL void cpc__sched_free (struct cpc_sched *s);

#endif /* CPC_SCHED_DATA_H */
