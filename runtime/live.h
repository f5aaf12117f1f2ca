/* The live coroutines of a scheduler: how many there are
   (struct cpc_sched.nlive, which keeps an orphaned scheduler until its
   last coroutine finishes), and which (those in the slabs whose sched is
   the scheduler and whose magic is CPC_MAGIC, slab.h): the owning
   thread's fast paths, inline for cpc_create and the finish of a
   coroutine, which do nearly all the changes.  Both facts change
   together under the scheduler's lock, so that cpc__live_check can
   compare them.  Not installed.

   The owning thread takes a biased lock: it announces itself in
   live_busy and goes ahead without an atomic instruction unless another
   thread ever took the list's spin lock (live_shared, set from the start
   when membarrier(2) does not work); that thread made the announcement
   visible with membarrier first (live.c).

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_LIVE_H
#define CPC_LIVE_H

#include "sched-data.h"

/* Nonzero when the calling thread, S's owner, now holds S's live count
   without the spin lock (release with cpc__live_release); zero when it
   must take the spin lock (cpc__live_enter).  */
static inline int
cpc__live_try (struct cpc_sched *s)
{
  atomic_store_explicit (&s->live_busy, 1, memory_order_relaxed);
  /* The compiler must not move the test above the store; the CPU may,
     which the other side's membarrier takes care of.  */
  atomic_signal_fence (memory_order_seq_cst);
  if (__builtin_expect (!atomic_load_explicit (&s->live_shared,
					       memory_order_relaxed), 1))
    return 1;
  atomic_store_explicit (&s->live_busy, 0, memory_order_release);
  return 0;
}

/* cpc__live_try for any S: zero when the calling thread does not own S.  */
static inline int
cpc__live_own (struct cpc_sched *s)
{
  return s == cpc__thread_sched && cpc__live_try (s);
}

static inline void
cpc__live_release (struct cpc_sched *s)
{
  atomic_store_explicit (&s->live_busy, 0, memory_order_release);
}

/* Count CO, now live with S as its scheduler, which the caller holds.  */
static inline void
cpc__live_link (struct cpc_sched *s, cpc_coroutine *co)
{
  (void) co;
  s->nlive++;
}

/* CO, one of S's (which the caller holds), has finished: no longer
   live.  */
static inline void
cpc__live_unlink (struct cpc_sched *s, cpc_coroutine *co)
{
  co->magic = CPC_POISON;
  s->nlive--;
}

/* Hold S's list: with the biased lock on the owning thread (returns 0),
   else with the spin lock (1); release with cpc__live_leave (S, that).  */
CPC_INTERNAL int cpc__live_enter (struct cpc_sched *s);
CPC_INTERNAL void cpc__live_leave (struct cpc_sched *s, int locked);

#endif /* CPC_LIVE_H */
