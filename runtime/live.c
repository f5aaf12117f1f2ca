/* The live coroutines of the schedulers (struct cpc_sched.nlive,
   live.h): locking, and the changes other than the owning thread's fast
   paths.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <linux/membarrier.h>
#include <unistd.h>
#include "live.h"
#include "slab.h"

static void
live_lock (struct cpc_sched *s)
{
  while (atomic_flag_test_and_set_explicit (&s->live_lock,
					    memory_order_acquire))
    ;
  /* The first time a thread other than the owner gets here, the owner
     may be inside cpc__live_own's unlocked path.  The membarrier makes
     every thread execute a full barrier: an owner that had announced
     itself (live_busy) before it is seen below, one that announces
     itself after it sees live_shared and takes this lock.  */
  if (!atomic_load_explicit (&s->live_shared, memory_order_relaxed))
    {
      atomic_store_explicit (&s->live_shared, 1, memory_order_relaxed);
      if (syscall (__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0)
	  != 0)
	cpc__die ("membarrier: %s", strerror (errno));
    }
  while (atomic_load_explicit (&s->live_busy, memory_order_acquire))
    ;
}

static void
live_unlock (struct cpc_sched *s)
{
  atomic_flag_clear_explicit (&s->live_lock, memory_order_release);
}

int
cpc__live_enter (struct cpc_sched *s)
{
  if (cpc__live_own (s))
    return 0;
  live_lock (s);
  return 1;
}

void
cpc__live_leave (struct cpc_sched *s, int locked)
{
  if (locked)
    live_unlock (s);
  else
    atomic_store_explicit (&s->live_busy, 0, memory_order_release);
}

/* The slow paths (cpc_create and the finish of a coroutine use live.h's
   fast paths on the owning thread first).  */
void
cpc__live_add (struct cpc_sched *s, cpc_coroutine *co)
{
  int locked = cpc__live_enter (s);
  cpc__set_sched (co, s);
  cpc__live_link (s, co);
  cpc__live_leave (s, locked);
}

/* Take CO out of S's count: finished (TO NULL), or moving to the
   scheduler TO, whose thread is the calling one.  Returns nonzero when S
   is an orphan left empty (caller frees it).  */
static int
live_take (struct cpc_sched *s, cpc_coroutine *co, struct cpc_sched *to)
{
  int locked = cpc__live_enter (s);
  if (to)
    {
      /* Under S's lock, so that S's thread never counts CO both here and
	 in its own tally; TO's thread, the calling one, counts it in
	 cpc__live_add before it can look.  */
      cpc__set_sched (co, to);
      s->nlive--;
    }
  else
    cpc__live_unlink (s, co);
  int gone = s->orphan && s->nlive == 0;
  cpc__live_leave (s, locked);
  return gone;
}

struct live_tally
{
  struct cpc_sched *s;
  size_t n;
};

static void
tally_one (cpc_coroutine *co, void *arg)
{
  struct live_tally *t = arg;
  if (cpc__sched_of (co) == t->s)
    t->n++;
}

size_t
cpc__live_check (void)
{
  struct cpc_sched *s = cpc__thread_sched;
  if (!s)
    return 0;
  int locked = cpc__live_enter (s);
  struct live_tally t = { s, 0 };
  cpc__slab_each_live (tally_one, &t);
  if (t.n != s->nlive)
    cpc__die ("the scheduler %p has %zu live coroutines in the slabs,"
	      " counted %zu", (void *) s, t.n, s->nlive);
  cpc__live_leave (s, locked);
  return t.n;
}

void
cpc__live_remove (cpc_coroutine *co)
{
  struct cpc_sched *s = cpc__sched_of (co);
  if (live_take (s, co, NULL))
    cpc__sched_free (s);
}

void
cpc__migrate (cpc_coroutine *co, struct cpc_sched *to)
{
  struct cpc_sched *from = cpc__sched_of (co);
  if (live_take (from, co, to))
    cpc__sched_free (from);
  int locked = cpc__live_enter (to);
  cpc__live_link (to, co);
  cpc__live_leave (to, locked);
}
