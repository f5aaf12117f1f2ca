/* libcpc internals shared by coroutine.c (the trampoline), sched.c (the
   per-thread scheduler) and the coroutine_fn halves of the scheduler and
   synchronization primitives.  Not installed.

   The layout of struct cpc_coroutine and struct cpc_sched is also what a
   debugger reads to list coroutines ("info cpc"): see docs/RUNTIME.md,
   "Introspection".

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_INTERNAL_H
#define CPC_INTERNAL_H

#include <stdint.h>
#include "cpc.h"
#include "arena.h"

#define CPC_MAGIC CPC__MAGIC		/* cpc-abi.def */
#define CPC_POISON 0xdeu		/* a freed coroutine's magic */

/* Coroutine objects come in two sizes (slab classes), which differ in
   the bytes of the first arena chunk they hold after their header: a
   small object's holds a frame of up to 32 bytes (a 24-byte header and
   two ints), a large one's 64.  cpc_create picks the large class for an
   entry function whose first run outgrew a small object's chunk
   (coroutine.c, "Object classes"; docs/RUNTIME.md, "Memory").  */
enum
{
  CPC_CLASS_SMALL,
  CPC_CLASS_LARGE,
  CPC_CLASSES
};
#define CPC_SMALL_CHUNK 32
#define CPC_LARGE_CHUNK 64

/* What a live coroutine is doing (struct cpc_coroutine.state).  */
enum cpc_state
{
  CPC_ST_NEW = 0,		/* created, never entered, not scheduled */
  CPC_ST_RUNNING,		/* inside cpc_enter (maybe nested) */
  CPC_ST_RUNNABLE,		/* on its scheduler's run queue */
  CPC_ST_SUSPENDED,		/* cpc_suspend: waits for cpc_wake/cpc_enter */
  CPC_ST_SLEEPING,		/* cpc_sleep_ns: in the timer heap */
  CPC_ST_WAIT_IO,		/* cpc_io_wait: wait_obj is the fd */
  CPC_ST_WAIT_COND,		/* cpc_cond_wait: wait_obj is the cpc_cond */
  CPC_ST_WAIT_MUTEX,		/* cpc_mutex_lock: wait_obj is the mutex */
  CPC_ST_WAIT_RWLOCK,		/* cpc_rwlock_*: wait_obj is the rwlock */
  CPC_ST_WAIT_QUEUE,		/* cpc_queue_wait: wait_obj is the queue */
  CPC_ST_WAKEUP,		/* QEMU API: on another coroutine's wakeup
				   list, entered when that one switches out */
  CPC_ST_WAIT_QEMU,		/* QEMU API: yielded in CoMutex, CoQueue,
				   CoRwlock (wait_obj) */
};

/* Why the inline cpc_enter must leave a coroutine to the library
   (struct cpc_hot.pending, cpc-abi.def).  */
enum
{
  CPC_PEND_WAKEUPS = 1,		/* QEMU wakeups to run when this run ends */
  CPC_PEND_FREED = 2		/* a finished object (in the cache) */
};

/* rwlock waiter kinds (struct cpc_ext.wait_kind).  */
enum { CPC_RW_READ = 1, CPC_RW_WRITE, CPC_RW_UPGRADE };

struct cpc_sched;

/* What a coroutine needs only once it sleeps, waits on I/O or a
   synchronization object, queues QEMU wakeups, or outgrows its inline
   arena chunk: allocated on the first such need (cpc__ext) and kept with
   the object through the cache.  A coroutine that only suspends and
   resumes never has one, which keeps its object small (docs/RUNTIME.md,
   "Memory").  */
struct cpc_ext
{
  void *wait_obj;		/* what it waits on (see enum cpc_state) */
  uint64_t deadline;		/* SLEEPING: CLOCK_MONOTONIC ns */
  uint64_t seq;			/* SLEEPING: tie-break, FIFO among equals */
  size_t heap_index;		/* SLEEPING: position in the timer heap */
  int io_result;		/* WAIT_IO: ready events or -errno */
  unsigned char wait_kind;	/* rwlock waiter kind; WAIT_IO: events */
  unsigned char timed;		/* WAIT_IO: also in the timer heap */
  /* QEMU API: coroutines to enter, in order, when this one switches
     out (QEMU's co_queue_wakeup); hot.pending says there are some.  */
  struct cpc_coroutine *wakeups, *wk_tail;
  /* The next coroutine of the wait queue or the wakeup list this one is
     on (cpc__next): it is on at most one, and only while it waits.  */
  struct cpc_coroutine *link;
  /* The arena's cold part; until the object has an ext, its arena is the
     inline chunk and nothing else.  */
  struct cpc_arena arena;
};

/* What cpc_create leaves for the first run at the start of the inline
   chunk, which stays empty until the entry function's ramp allocates its
   frame there.  A coroutine has not started while it is not running and
   has no top frame.  */
struct cpc_start
{
  cpc_entry_fn *entry;
  void *opaque;
};

/* Built with -fms-extensions: struct cpc_hot is an unnamed member, so its
   fields read as co->state, co->top, ... and a struct cpc_hot * (the
   generated code's, cpc__current) and a cpc_coroutine * to the same
   object may alias as far as GCC is concerned.  */
struct cpc_coroutine
{
  /* The part the generated code and the inline cpc_enter touch (the
     arena's bump/end/base, top, running, state, pending, magic,
     sched_index):
     cpc-abi.def.  Must stay first.  */
  struct cpc_hot;
  /* The rest of what a waiting coroutine needs, the link of a wait queue
     among it; the run queue is an array in the scheduler.  */
  struct cpc_ext *ext;		/* NULL until needed (cpc__ext) */
  /* The arena's first chunk, CPC_SMALL_CHUNK or CPC_LARGE_CHUNK bytes
     by the object's class (cpc__chunk_size, slab.h); before the first
     run, struct cpc_start.  */
  _Alignas (CPC_FRAME_ALIGN) char chunk[];
};

_Static_assert (sizeof (struct cpc_start) <= CPC_SMALL_CHUNK,
		"the inline chunk cannot hold the start arguments");
/* The bytes a suspended coroutine costs (docs/RUNTIME.md, "Memory"),
   exactly: objects come from slab slots with no header (slab.h).  A
   field added here costs every coroutine; one of the ext block, only
   those that wait.  */
_Static_assert (sizeof (void *) != 8
		|| sizeof (struct cpc_coroutine) + CPC_SMALL_CHUNK <= 64,
		"struct cpc_coroutine grew: does the field belong in the ext"
		" block?");

/* CO's ext block, allocated on first use (aborts when out of memory).  */
CPC_INTERNAL struct cpc_ext *cpc__ext_new (cpc_coroutine *co);
static inline struct cpc_ext *
cpc__ext (cpc_coroutine *co)
{
  return __builtin_expect (co->ext != NULL, 1) ? co->ext : cpc__ext_new (co);
}

/* The link of CO on a wait queue or a wakeup list (struct cpc_ext).  */
static inline cpc_coroutine **
cpc__next (cpc_coroutine *co)
{
  return &cpc__ext (co)->link;
}

/* The link of a finished object on the thread's cache or a slab page's
   free list: the start of its inline chunk, which holds nothing then.  */
static inline cpc_coroutine **
cpc__free_link (cpc_coroutine *co)
{
  return (cpc_coroutine **) (void *) co->chunk;
}

_Static_assert ((int) CPC__STATE_NEW == (int) CPC_ST_NEW
		&& (int) CPC__STATE_RUNNING == (int) CPC_ST_RUNNING
		&& (int) CPC__STATE_SUSPENDED == (int) CPC_ST_SUSPENDED,
		"cpc-abi.def's states differ from enum cpc_state");
_Static_assert (offsetof (struct cpc_hot, running) % 4 == 0
		&& offsetof (struct cpc_hot, state)
		   == offsetof (struct cpc_hot, running) + 1
		&& offsetof (struct cpc_hot, pending)
		   == offsetof (struct cpc_hot, running) + 2
		&& offsetof (struct cpc_hot, spare)
		   == offsetof (struct cpc_hot, running) + 3,
		"struct cpc_hot's word (CPC__GET_WORD) is not four aligned bytes");
_Static_assert (offsetof (struct cpc_hot, running) % 8 == 0
		&& offsetof (struct cpc_hot, suspending)
		   == offsetof (struct cpc_hot, running) + 4
		&& offsetof (struct cpc_hot, magic)
		   == offsetof (struct cpc_hot, running) + 5
		&& offsetof (struct cpc_hot, sched_index)
		   == offsetof (struct cpc_hot, running) + 6,
		"struct cpc_hot's word8 (CPC__SET_WORD8) is not as cpc-abi.h"
		" assumes");

/* Every live scheduler by its index (struct cpc_sched.index, a live
   coroutine's sched_index, cpc-abi.def); index 0 is never used.  A
   scheduler keeps its index until it is freed, which is after its last
   coroutine finished, so a live coroutine's index always names it.  */
#define CPC_MAX_SCHEDS 65536
CPC_INTERNAL extern struct cpc_sched *cpc__scheds[CPC_MAX_SCHEDS];

/* CO's scheduler.  Another thread may move CO (cpc__migrate, under the
   count's lock): readers that do not hold it load the index once.  */
static inline struct cpc_sched *
cpc__sched_of (const cpc_coroutine *co)
{
  return cpc__scheds[__atomic_load_n (&co->sched_index, __ATOMIC_RELAXED)];
}

/* Make S, whose index is INDEX, CO's scheduler.  */
static inline void
cpc__set_sched_index (cpc_coroutine *co, unsigned short index)
{
  __atomic_store_n (&co->sched_index, index, __ATOMIC_RELAXED);
}

/* CO's hot block (its first member).  */
static inline struct cpc_hot *
cpc__hot (cpc_coroutine *co)
{
  return (struct cpc_hot *) co;
}

/* The coroutine whose hot block H is (H != &cpc__no_coroutine).  */
static inline cpc_coroutine *
cpc__of_hot (struct cpc_hot *h)
{
  return (cpc_coroutine *) h;
}

/* What cpc__current points at outside any coroutine: an empty arena,
   so a frame allocation takes the slow path and aborts there.  */
CPC_INTERNAL extern const struct cpc_hot cpc__no_coroutine;

/* The scheduler of the calling thread (created on first use).  */
CPC_INTERNAL struct cpc_sched *cpc__sched (void);
/* The thread's scheduler, or NULL when it has none yet.  */
CPC_INTERNAL struct cpc_sched *cpc__sched_peek (void);

/* Coroutine lifecycle hooks (sched.c).  */
CPC_INTERNAL void cpc__live_add (struct cpc_sched *s, cpc_coroutine *co);
CPC_INTERNAL void cpc__live_remove (cpc_coroutine *co);
/* Check the calling thread's count of live coroutines against the slabs
   and return it; aborts with a message when they differ.  For tests (cpc.sched/live-list-race.c).  */
CPC_INTERNAL size_t cpc__live_check (void);
/* The bytes of CO's inline chunk, which tell its class: for tests
   (cpc.dg/object-classes.c).  */
CPC_INTERNAL size_t cpc__inline_chunk_bytes (cpc_coroutine *co);
/* Hand out scheduler indices below N only (2 <= N <= CPC_MAX_SCHEDS;
   indices already taken stay valid): for tests, which cannot make 65,535
   threads quickly everywhere (cpc.sched/sched-index-reuse.c).  */
CPC_INTERNAL void cpc__sched_limit_indices (unsigned int n);
/* CO is about to run on this thread but belongs to another scheduler.  */
CPC_INTERNAL void cpc__migrate (cpc_coroutine *co, struct cpc_sched *to);

/* Run CO (state already checked) and the coroutines its wakeups queue
   (coroutine.c).  */
CPC_INTERNAL void cpc__resume (cpc_coroutine *co);

CPC_INTERNAL void cpc__die (const char *fmt, ...)
  __attribute__ ((noreturn, cold, format (printf, 1, 2)));
CPC_INTERNAL const char *cpc__state_name (int state);

/* Put CO (owned by the calling thread's scheduler) at the back of the
   run queue.  */
CPC_INTERNAL void cpc__make_runnable (cpc_coroutine *co);

/* Plain-C halves of the coroutine_fn primitives (sched.c, sync.c): each
   prepares the wait and returns nonzero when the caller must suspend.  */
CPC_INTERNAL void cpc__yield_prepare (void);
CPC_INTERNAL int cpc__sleep_prepare (uint64_t ns);
CPC_INTERNAL int cpc__io_prepare (int fd, int events, int *result);
CPC_INTERNAL void cpc__io_set_timeout (uint64_t ns);
CPC_INTERNAL int cpc__io_result (void);
CPC_INTERNAL void cpc__wait_prepare (struct cpc_waitq *q, int state,
				     void *obj, int kind);
CPC_INTERNAL int cpc__mutex_lock_prepare (cpc_mutex *m);
CPC_INTERNAL int cpc__rwlock_rdlock_prepare (cpc_rwlock *rw);
CPC_INTERNAL int cpc__rwlock_wrlock_prepare (cpc_rwlock *rw);
CPC_INTERNAL int cpc__rwlock_upgrade_prepare (cpc_rwlock *rw);
CPC_INTERNAL void cpc__check_owner (cpc_mutex *m, cpc_coroutine *self);

/* QEMU API (qemu.c): aio_co_wake in one AioContext.  From a coroutine,
   append CO to its wakeup list; from plain code, enter CO now.  */
CPC_INTERNAL void cpc__qemu_wake (cpc_coroutine *co);
/* Take a sleeping CO out of the timer heap (state becomes SUSPENDED).  */
CPC_INTERNAL void cpc__unsleep (cpc_coroutine *co);
/* Free the thread's cache of finished coroutine objects (thread exit).  */
CPC_INTERNAL void cpc__release_cache (void);
/* The library's halves of the inline cpc_enter (also in <cpc.h>).  */
void cpc__enter_slow (cpc_coroutine *co);
void cpc__enter_finish (cpc_coroutine *co, struct cpc_hot *prev,
			struct cpc_frame *f);
void cpc__start (cpc_coroutine *co);

/* The running coroutine, aborting with WHAT outside one.  */
CPC_INTERNAL cpc_coroutine *cpc__self_or_die (const char *what);

#endif /* CPC_INTERNAL_H */
