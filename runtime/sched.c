/* The per-thread scheduler: run queue, timer heap, epoll I/O waits,
   cross-thread wakes, the main loop and its embeddable pieces.  The
   coroutine_fn halves (cpc_yield, cpc_sleep_ns, cpc_io_wait) are in
   sched-coro.c, compiled with the plugin.  Semantics: docs/RUNTIME.md.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <linux/membarrier.h>
#include <time.h>
#include <unistd.h>
#include "live.h"

/* The thread's scheduler is cpc__thread_sched (coroutine.c, cpc-abi.def:
   the inline cpc_enter compares it with the coroutine's), NULL until
   first used.  */
static pthread_key_t sched_key;
static pthread_once_t sched_once = PTHREAD_ONCE_INIT;

/* Every scheduler, for debuggers (struct cpc_sched.tid): gdb-cpc.py finds
   a thread's running coroutine here when it cannot read the thread's
   cpc__current.  Changed only when a scheduler is made or freed.  */
struct cpc_sched *cpc__debug_scheds;
static pthread_mutex_t debug_lock = PTHREAD_MUTEX_INITIALIZER;

/* Schedulers by index (internal.h), changed under debug_lock too;
   next_index is where the search for a free one starts, max_index one
   past the last index handed out (CPC_MAX_SCHEDS but in tests).  */
struct cpc_sched *cpc__scheds[CPC_MAX_SCHEDS];
static unsigned int next_index = 1;
static unsigned int max_index = CPC_MAX_SCHEDS;

/* Give S a free index (debug_lock held).  */
static void
take_index (struct cpc_sched *s)
{
  for (unsigned int n = 1; n < max_index; n++, next_index++)
    {
      if (next_index >= max_index)
	next_index = 1;
      if (!cpc__scheds[next_index])
	{
	  s->index = next_index++;
	  cpc__scheds[s->index] = s;
	  return;
	}
    }
  cpc__die ("more than %u threads have coroutines at once",
	    max_index - 1);
}

void
cpc__sched_limit_indices (unsigned int n)
{
  pthread_mutex_lock (&debug_lock);
  if (n >= 2 && n <= CPC_MAX_SCHEDS)
    max_index = n;
  pthread_mutex_unlock (&debug_lock);
}

/* What the inline cpc_enter compares and stores on a thread whose
   scheduler has INDEX (0: none yet, which no coroutine has).  */
static void
set_thread_words (unsigned short index)
{
  cpc__word8_suspended = CPC__WORD8 (CPC__WORD_SUSPENDED, index);
  cpc__word8_running = CPC__WORD8 (CPC__WORD_RUNNING, index);
}

/* Whether membarrier (MEMBARRIER_CMD_PRIVATE_EXPEDITED) works here; the
   live counts' biased lock needs it (set once, in make_key).  */
static int biased_ok;

/* Thread exit.  */
static void
sched_exit (void *p)
{
  struct cpc_sched *s = p;
  int locked = cpc__live_enter (s);
  int empty = s->nlive == 0;
  s->orphan = 1;
  cpc__live_leave (s, locked);
  pthread_mutex_lock (&debug_lock);
  s->tid = 0;			/* the thread and its variables are gone */
  s->current_addr = NULL;
  pthread_mutex_unlock (&debug_lock);
  if (empty)
    cpc__sched_free (s);
  cpc__thread_sched = NULL;
  set_thread_words (0);
  cpc__release_cache ();
}

static void
make_key (void)
{
  if (pthread_key_create (&sched_key, sched_exit) != 0)
    cpc__die ("cannot create the scheduler's thread key");
  /* Without it (old kernels, some emulators) every change of a live count
     takes the spin lock.  */
  biased_ok = syscall (__NR_membarrier,
		       MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
}

struct cpc_sched *
cpc__sched_peek (void)
{
  return cpc__thread_sched;
}

struct cpc_sched *
cpc__sched (void)
{
  struct cpc_sched *s = cpc__thread_sched;
  if (__builtin_expect (s != NULL, 1))
    return s;
  pthread_once (&sched_once, make_key);
  s = calloc (1, sizeof *s);
  if (!s)
    cpc__die ("out of memory creating the scheduler");
  s->epfd = epoll_create1 (EPOLL_CLOEXEC);
  if (s->epfd < 0)
    cpc__die ("epoll_create1: %s", strerror (errno));
  s->evfd = eventfd (0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (s->evfd < 0)
    cpc__die ("eventfd: %s", strerror (errno));
  struct epoll_event ev = { .events = EPOLLIN, .data.u64 = UINT64_MAX };
  if (epoll_ctl (s->epfd, EPOLL_CTL_ADD, s->evfd, &ev) < 0)
    cpc__die ("epoll_ctl: %s", strerror (errno));
  pthread_mutex_init (&s->remote_lock, NULL);
  atomic_flag_clear (&s->live_lock);
  /* Without membarrier every change takes the spin lock.  */
  atomic_store_explicit (&s->live_shared, !biased_ok, memory_order_relaxed);
  s->tid = syscall (SYS_gettid);
  s->current_addr = &cpc__current;
  pthread_mutex_lock (&debug_lock);
  take_index (s);
  s->debug_next = cpc__debug_scheds;
  cpc__debug_scheds = s;
  pthread_mutex_unlock (&debug_lock);
  cpc__thread_sched = s;
  set_thread_words (s->index);
  pthread_setspecific (sched_key, s);
  return s;
}

void
cpc__sched_free (struct cpc_sched *s)
{
  pthread_mutex_lock (&debug_lock);
  for (struct cpc_sched **p = &cpc__debug_scheds; *p; p = &(*p)->debug_next)
    if (*p == s)
      {
	*p = s->debug_next;
	break;
      }
  cpc__scheds[s->index] = NULL;
  pthread_mutex_unlock (&debug_lock);
  close (s->epfd);
  close (s->evfd);
  pthread_mutex_destroy (&s->remote_lock);
  free (s->rq);
  free (s->heap);
  free (s->fds);
  free (s->remote);
  free (s);
}

const char *
cpc__state_name (int state)
{
  static const char *const names[] = {
    [CPC_ST_NEW] = "new", [CPC_ST_RUNNING] = "running",
    [CPC_ST_RUNNABLE] = "runnable", [CPC_ST_SUSPENDED] = "suspended",
    [CPC_ST_SLEEPING] = "sleeping", [CPC_ST_WAIT_IO] = "waiting on an fd",
    [CPC_ST_WAIT_COND] = "waiting on a cpc_cond",
    [CPC_ST_WAIT_MUTEX] = "waiting on a cpc_mutex",
    [CPC_ST_WAIT_RWLOCK] = "waiting on a cpc_rwlock",
    [CPC_ST_WAIT_QUEUE] = "waiting on a cpc_queue",
    [CPC_ST_WAKEUP] = "queued to be entered (QEMU wakeup)",
    [CPC_ST_WAIT_QEMU] = "waiting on a QEMU CoMutex/CoQueue/CoRwlock",
  };
  if (state < 0 || (size_t) state >= sizeof names / sizeof names[0])
    return "in an unknown state";
  return names[state];
}

/* ---- Run queue ---------------------------------------------------------- */

/* Double S's run queue, keeping its order.  */
static void __attribute__ ((noinline))
rq_grow (struct cpc_sched *s)
{
  size_t cap = s->rq_cap ? 2 * s->rq_cap : 64;
  cpc_coroutine **rq = malloc (cap * sizeof *rq);
  if (!rq)
    cpc__die ("out of memory growing the run queue to %zu entries", cap);
  for (size_t i = 0; i < s->rq_len; i++)
    rq[i] = s->rq[(s->rq_first + i) & (s->rq_cap - 1)];
  free (s->rq);
  s->rq = rq;
  s->rq_cap = cap;
  s->rq_first = 0;
}

static inline void
rq_push (struct cpc_sched *s, cpc_coroutine *co)
{
  co->state = CPC_ST_RUNNABLE;
  if (__builtin_expect (s->rq_len == s->rq_cap, 0))
    rq_grow (s);
  s->rq[(s->rq_first + s->rq_len) & (s->rq_cap - 1)] = co;
  s->rq_len++;
}

static inline cpc_coroutine *
rq_pop (struct cpc_sched *s)
{
  cpc_coroutine *co = s->rq[s->rq_first];
  s->rq_first = (s->rq_first + 1) & (s->rq_cap - 1);
  s->rq_len--;
  return co;
}

void
cpc__make_runnable (cpc_coroutine *co)
{
  struct cpc_sched *s = cpc__sched_of (co);
  if (__builtin_expect (s != cpc__thread_sched, 0))
    cpc__die ("a coroutine of another thread's scheduler was woken through"
	      " a synchronization object (they are per-thread)");
  rq_push (s, co);
}

cpc_coroutine *
cpc__self_or_die (const char *what)
{
  cpc_coroutine *co = cpc_self ();
  if (!co)
    cpc__die ("%s: called outside any coroutine", what);
  return co;
}
#define self_or_die cpc__self_or_die

/* ---- Timer heap --------------------------------------------------------- */

static inline int
timer_less (const cpc_coroutine *a, const cpc_coroutine *b)
{
  const struct cpc_ext *x = a->ext, *y = b->ext;
  return x->deadline < y->deadline
	 || (x->deadline == y->deadline && x->seq < y->seq);
}

static void
heap_set (struct cpc_sched *s, size_t i, cpc_coroutine *co)
{
  s->heap[i] = co;
  co->ext->heap_index = i;
}

static void
heap_up (struct cpc_sched *s, size_t i)
{
  cpc_coroutine *co = s->heap[i];
  while (i > 0)
    {
      size_t p = (i - 1) / 2;
      if (!timer_less (co, s->heap[p]))
	break;
      heap_set (s, i, s->heap[p]);
      i = p;
    }
  heap_set (s, i, co);
}

static void
heap_down (struct cpc_sched *s, size_t i)
{
  cpc_coroutine *co = s->heap[i];
  size_t n = s->heap_len;
  for (;;)
    {
      size_t c = 2 * i + 1;
      if (c >= n)
	break;
      if (c + 1 < n && timer_less (s->heap[c + 1], s->heap[c]))
	c++;
      if (!timer_less (s->heap[c], co))
	break;
      heap_set (s, i, s->heap[c]);
      i = c;
    }
  heap_set (s, i, co);
}

static void
heap_push (struct cpc_sched *s, cpc_coroutine *co)
{
  if (s->heap_len == s->heap_cap)
    {
      size_t cap = s->heap_cap ? 2 * s->heap_cap : 64;
      cpc_coroutine **h = realloc (s->heap, cap * sizeof *h);
      if (!h)
	cpc__die ("cpc_sleep_ns: out of memory");
      s->heap = h;
      s->heap_cap = cap;
    }
  s->heap[s->heap_len] = co;
  heap_up (s, s->heap_len++);
}

static void
heap_remove (struct cpc_sched *s, cpc_coroutine *co)
{
  size_t i = co->ext->heap_index;
  cpc_coroutine *last = s->heap[--s->heap_len];
  if (i == s->heap_len)
    return;
  heap_set (s, i, last);
  if (i > 0 && timer_less (last, s->heap[(i - 1) / 2]))
    heap_up (s, i);
  else
    heap_down (s, i);
}

uint64_t
cpc_now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

static void io_timeout (struct cpc_sched *s, cpc_coroutine *co);

static void
fire_timers (struct cpc_sched *s, uint64_t now)
{
  while (s->heap_len && s->heap[0]->ext->deadline <= now)
    {
      cpc_coroutine *co = s->heap[0];
      heap_remove (s, co);
      if (co->ext->timed)
	io_timeout (s, co);
      else
	rq_push (s, co);
    }
}

void
cpc__unsleep (cpc_coroutine *co)
{
  heap_remove (cpc__sched_of (co), co);
  co->state = CPC_ST_SUSPENDED;
}

/* ---- Primitives' plain halves ------------------------------------------ */

void
cpc__yield_prepare (void)
{
  cpc_coroutine *co = self_or_die ("cpc_yield");
  rq_push (cpc__sched_of (co), co);
}

int
cpc__sleep_prepare (uint64_t ns)
{
  cpc_coroutine *co = self_or_die ("cpc_sleep_ns");
  struct cpc_sched *s = cpc__sched_of (co);
  struct cpc_ext *x = cpc__ext (co);
  uint64_t now = cpc_now_ns ();
  x->deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
  x->seq = s->timer_seq++;
  co->state = CPC_ST_SLEEPING;
  heap_push (s, co);
  return 1;
}

static struct cpc_fdw *
fdw_get (struct cpc_sched *s, int fd)
{
  if ((size_t) fd >= s->nfds)
    {
      size_t n = s->nfds ? s->nfds : 64;
      while (n <= (size_t) fd)
	n *= 2;
      struct cpc_fdw *f = realloc (s->fds, n * sizeof *f);
      if (!f)
	cpc__die ("cpc_io_wait: out of memory");
      memset (f + s->nfds, 0, (n - s->nfds) * sizeof *f);
      s->fds = f;
      s->nfds = n;
    }
  return &s->fds[fd];
}

static uint32_t
fdw_interest (const struct cpc_fdw *w)
{
  return (w->rd ? EPOLLIN | EPOLLRDHUP : 0) | (w->wr ? EPOLLOUT : 0);
}

/* Arm FD's oneshot registration for INTEREST; 0 or -errno.  */
static int
fdw_arm (struct cpc_sched *s, int fd, struct cpc_fdw *w, uint32_t interest)
{
  struct epoll_event ev = { .events = interest | EPOLLONESHOT,
			    .data.u64 = (uint64_t) fd };
  int op = w->armed ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
  if (epoll_ctl (s->epfd, op, fd, &ev) < 0)
    {
      /* The fd was closed and reopened (MOD: ENOENT), or is registered
	 under a stale belief (ADD: EEXIST).  */
      if (errno == ENOENT && op == EPOLL_CTL_MOD)
	op = EPOLL_CTL_ADD;
      else if (errno == EEXIST && op == EPOLL_CTL_ADD)
	op = EPOLL_CTL_MOD;
      else
	return -errno;
      if (epoll_ctl (s->epfd, op, fd, &ev) < 0)
	return -errno;
    }
  w->armed = 1;
  return 0;
}

int
cpc__io_prepare (int fd, int events, int *result)
{
  cpc_coroutine *co = self_or_die ("cpc_io_wait");
  struct cpc_sched *s = cpc__sched_of (co);
  if (events == 0 || (events & ~(CPC_IO_IN | CPC_IO_OUT)) != 0)
    {
      *result = -EINVAL;
      return 0;
    }
  if (fd < 0 || fd == s->epfd || fd == s->evfd)
    {
      *result = -EBADF;
      return 0;
    }
  struct cpc_fdw *w = fdw_get (s, fd);
  if ((events & CPC_IO_IN) && w->rd)
    cpc__die ("cpc_io_wait: fd %d is already waited on for input by"
	      " another coroutine", fd);
  if ((events & CPC_IO_OUT) && w->wr)
    cpc__die ("cpc_io_wait: fd %d is already waited on for output by"
	      " another coroutine", fd);
  uint32_t interest = fdw_interest (w)
		      | ((events & CPC_IO_IN) ? EPOLLIN | EPOLLRDHUP : 0)
		      | ((events & CPC_IO_OUT) ? EPOLLOUT : 0);
  int r = fdw_arm (s, fd, w, interest);
  if (r == -EPERM)
    {
      /* A regular file or directory: always ready, as poll(2) says.  */
      *result = events;
      return 0;
    }
  if (r < 0)
    {
      *result = r;
      return 0;
    }
  if (events & CPC_IO_IN)
    w->rd = co;
  if (events & CPC_IO_OUT)
    w->wr = co;
  struct cpc_ext *x = cpc__ext (co);
  co->state = CPC_ST_WAIT_IO;
  x->wait_obj = (void *) (intptr_t) fd;
  co->ext->wait_kind = (unsigned char) events;
  x->io_result = 0;
  s->io_waiters++;
  return 1;
}

int
cpc__io_result (void)
{
  struct cpc_ext *x = cpc_self ()->ext;	/* cpc__io_prepare made it */
  x->wait_obj = NULL;
  return x->io_result;
}

void
cpc__io_set_timeout (uint64_t ns)
{
  cpc_coroutine *co = cpc_self ();
  struct cpc_sched *s = cpc__sched_of (co);
  struct cpc_ext *x = co->ext;	/* cpc__io_prepare made it */
  uint64_t now = cpc_now_ns ();
  x->deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
  x->seq = s->timer_seq++;
  co->ext->timed = 1;
  heap_push (s, co);
}

static void
io_done (struct cpc_sched *s, cpc_coroutine *co, int result)
{
  if (co->ext->timed)
    {
      heap_remove (s, co);
      co->ext->timed = 0;
    }
  co->ext->io_result = result;
  s->io_waiters--;
  rq_push (s, co);
}

void
cpc_io_cancel (int fd)
{
  struct cpc_sched *s = cpc__sched ();
  if (fd < 0 || (size_t) fd >= s->nfds)
    return;
  struct cpc_fdw *w = &s->fds[fd];
  if (w->rd)
    io_done (s, w->rd, -ECANCELED);
  if (w->wr && w->wr != w->rd)
    io_done (s, w->wr, -ECANCELED);
  w->rd = w->wr = NULL;
  if (w->armed)
    epoll_ctl (s->epfd, EPOLL_CTL_DEL, fd, NULL);
  w->armed = 0;
}

static void
io_event (struct cpc_sched *s, int fd, uint32_t e)
{
  if ((size_t) fd >= s->nfds)
    return;
  struct cpc_fdw *w = &s->fds[fd];
  int err = (e & EPOLLERR) ? CPC_IO_ERR : 0;
  int hup = (e & EPOLLHUP) ? CPC_IO_HUP : 0;
  cpc_coroutine *rd = w->rd, *wr = w->wr;
  if (rd && rd == wr)
    {
      /* One coroutine waiting for both.  */
      int want = rd->ext->wait_kind;
      int got = ((e & (EPOLLIN | EPOLLRDHUP)) ? CPC_IO_IN : 0)
		| ((e & EPOLLOUT) ? CPC_IO_OUT : 0);
      if (err | hup)
	got = want;
      w->rd = w->wr = NULL;
      io_done (s, rd, (got & want) | err | hup);
      return;
    }
  if (rd && (e & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP)))
    {
      w->rd = NULL;
      io_done (s, rd, CPC_IO_IN | err | hup);
    }
  if (wr && (e & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
    {
      w->wr = NULL;
      io_done (s, wr, CPC_IO_OUT | err | hup);
    }
  /* Oneshot: re-arm for whoever still waits.  */
  uint32_t interest = fdw_interest (w);
  if (interest)
    {
      int r = fdw_arm (s, fd, w, interest);
      if (r < 0)
	{
	  if (w->rd)
	    io_done (s, w->rd, r);
	  if (w->wr)
	    io_done (s, w->wr, r);
	  w->rd = w->wr = NULL;
	}
    }
}

/* A cpc_io_wait_timeout ran out of time: forget the wait.  */
static void
io_timeout (struct cpc_sched *s, cpc_coroutine *co)
{
  co->ext->timed = 0;
  int fd = (int) (intptr_t) co->ext->wait_obj;
  struct cpc_fdw *w = &s->fds[fd];
  if (w->rd == co)
    w->rd = NULL;
  if (w->wr == co)
    w->wr = NULL;
  uint32_t interest = fdw_interest (w);
  if (interest)
    {
      if (fdw_arm (s, fd, w, interest) < 0)
	{
	  /* Whoever else waits finds out at its next wait.  */
	}
    }
  else if (w->armed)
    {
      /* Disable the oneshot registration: nobody waits any more.  */
      struct epoll_event ev = { .events = 0, .data.u64 = (uint64_t) fd };
      epoll_ctl (s->epfd, EPOLL_CTL_MOD, fd, &ev);
    }
  co->ext->io_result = -ETIMEDOUT;
  s->io_waiters--;
  rq_push (s, co);
}

/* ---- Cross-thread wakes ------------------------------------------------- */

static void wake_local (struct cpc_sched *s, cpc_coroutine *co,
			const char *what);

static void
remote_push (struct cpc_sched *s, cpc_coroutine *co)
{
  pthread_mutex_lock (&s->remote_lock);
  if (s->remote_len == s->remote_cap)
    {
      size_t cap = s->remote_cap ? 2 * s->remote_cap : 16;
      cpc_coroutine **r = realloc (s->remote, cap * sizeof *r);
      if (!r)
	cpc__die ("cpc_wake: out of memory");
      s->remote = r;
      s->remote_cap = cap;
    }
  s->remote[s->remote_len++] = co;
  int first = !atomic_exchange (&s->remote_pending, 1);
  pthread_mutex_unlock (&s->remote_lock);
  if (first)
    {
      uint64_t one = 1;
      ssize_t r = write (s->evfd, &one, sizeof one);
      (void) r;			/* EAGAIN: the counter is already set */
    }
}

static void
remote_drain (struct cpc_sched *s)
{
  uint64_t v;
  ssize_t r = read (s->evfd, &v, sizeof v);
  (void) r;
  pthread_mutex_lock (&s->remote_lock);
  atomic_store (&s->remote_pending, 0);
  size_t n = s->remote_len;
  cpc_coroutine *batch[64];
  cpc_coroutine **items = n <= 64 ? batch : malloc (n * sizeof *items);
  if (!items)
    cpc__die ("cpc_wake: out of memory");
  memcpy (items, s->remote, n * sizeof *items);
  s->remote_len = 0;
  pthread_mutex_unlock (&s->remote_lock);
  for (size_t i = 0; i < n; i++)
    wake_local (s, items[i], "cpc_wake (from another thread)");
  if (items != batch)
    free (items);
}

/* ---- cpc_wake / cpc_spawn ----------------------------------------------- */

static void
wake_local (struct cpc_sched *s, cpc_coroutine *co, const char *what)
{
  if (co->magic != CPC_MAGIC)
    cpc__die ("%s: not a live coroutine (already finished and freed?)",
	      what);
  switch (co->state)
    {
    case CPC_ST_NEW:
    case CPC_ST_SUSPENDED:
      rq_push (s, co);
      return;
    case CPC_ST_RUNNABLE:
      return;
    case CPC_ST_SLEEPING:
      heap_remove (s, co);
      rq_push (s, co);
      return;
    case CPC_ST_RUNNING:
      cpc__die ("%s: coroutine is running", what);
    default:
      cpc__die ("%s: coroutine is %s; it cannot be woken by cpc_wake",
		what, cpc__state_name (co->state));
    }
}

void
cpc_wake (cpc_coroutine *co)
{
  if (!co)
    cpc__die ("cpc_wake: coroutine is NULL");
  struct cpc_sched *s = cpc__thread_sched;
  if (__builtin_expect (cpc__sched_of (co) == s, 1))
    wake_local (s, co, "cpc_wake");
  else
    {
      if (co->magic != CPC_MAGIC)
	cpc__die ("cpc_wake: not a live coroutine (already finished and"
		  " freed?)");
      remote_push (cpc__sched_of (co), co);
    }
}

cpc_coroutine *
cpc_spawn (cpc_entry_fn *entry, void *opaque)
{
  cpc_coroutine *co = cpc_create (entry, opaque);
  rq_push (cpc__sched_of (co), co);
  return co;
}

void
cpc_sched_ref (void)
{
  cpc__sched ()->refs++;
}

void
cpc_sched_unref (void)
{
  struct cpc_sched *s = cpc__sched ();
  if (s->refs == 0)
    cpc__die ("cpc_sched_unref: no reference held");
  s->refs--;
}

/* ---- The loop ----------------------------------------------------------- */

static int
pending (const struct cpc_sched *s)
{
  return s->rq_len || s->heap_len || s->io_waiters || s->refs
	 || atomic_load_explicit (&s->remote_pending, memory_order_relaxed);
}

/* Ask epoll, waiting at most TIMEOUT_MS (-1: forever).  */
static void
poll_io (struct cpc_sched *s, int timeout_ms)
{
  struct epoll_event ev[128];
  int n = epoll_wait (s->epfd, ev, 128, timeout_ms);
  if (n < 0)
    {
      if (errno == EINTR)
	return;
      cpc__die ("epoll_wait: %s", strerror (errno));
    }
  for (int i = 0; i < n; i++)
    {
      if (ev[i].data.u64 == UINT64_MAX)
	remote_drain (s);
      else
	io_event (s, (int) ev[i].data.u64, ev[i].events);
    }
}

/* Closed-fd detection: every CLOSED_CHECK_NS, up to CLOSED_CHECK_WAITERS
   waited-on fds (scanning at most CLOSED_CHECK_SLOTS table entries) are
   re-armed; epoll refuses an fd that was closed (EBADF) or closed and
   reused for another file (ENOENT, EPERM), and its waiters get -EBADF.  The
   cost is bounded whatever the number of waiters; a closed fd is found
   within about (waiters / CLOSED_CHECK_WAITERS) x CLOSED_CHECK_NS.  */
#define CLOSED_CHECK_NS 100000000
#define CLOSED_CHECK_WAITERS 64
#define CLOSED_CHECK_SLOTS 4096

static void
check_closed_fds (struct cpc_sched *s, uint64_t now)
{
  if (!s->io_waiters || s->nfds == 0
      || now - s->last_fd_check < CLOSED_CHECK_NS)
    return;
  s->last_fd_check = now;
  unsigned checked = 0;
  size_t slots = s->nfds < CLOSED_CHECK_SLOTS ? s->nfds : CLOSED_CHECK_SLOTS;
  for (size_t k = 0; k < slots && checked < CLOSED_CHECK_WAITERS; k++)
    {
      size_t fd = s->fd_check_cursor++ % s->nfds;
      struct cpc_fdw *w = &s->fds[fd];
      if (!w->rd && !w->wr)
	continue;
      checked++;
      struct epoll_event ev = { .events = fdw_interest (w) | EPOLLONESHOT,
				.data.u64 = (uint64_t) fd };
      /* EBADF: closed.  ENOENT: the number names another file now.
	 EPERM: and that file cannot even be polled (regular file).  */
      if (epoll_ctl (s->epfd, EPOLL_CTL_MOD, (int) fd, &ev) == 0
	  || (errno != EBADF && errno != ENOENT && errno != EPERM))
	continue;
      cpc_coroutine *rd = w->rd, *wr = w->wr;
      w->rd = w->wr = NULL;
      w->armed = 0;
      if (rd)
	io_done (s, rd, -EBADF);
      if (wr && wr != rd)
	io_done (s, wr, -EBADF);
    }
}

static int
timeout_ms_until (uint64_t deadline, uint64_t now)
{
  if (deadline <= now)
    return 0;
  uint64_t ms = (deadline - now + 999999) / 1000000;
  return ms > INT32_MAX ? INT32_MAX : (int) ms;
}

/* I/O is polled without blocking at least every POLL_EVERY_NS while
   coroutines stay runnable, or every POLL_EVERY_ROUNDS rounds.  */
#define POLL_EVERY_NS 100000
#define POLL_EVERY_ROUNDS 64

/* One round: deliver I/O and remote wakes (blocking when BLOCK and
   nothing is runnable), fire due timers, run what is runnable now.  */
static void
step (struct cpc_sched *s, int block)
{
  if (atomic_load_explicit (&s->remote_pending, memory_order_relaxed))
    remote_drain (s);
  uint64_t now = 0;
  if (s->heap_len || s->io_waiters)
    {
      now = cpc_now_ns ();
      fire_timers (s, now);
    }
  if (s->rq_len)
    {
      if (s->io_waiters
	  && (!block || now - s->last_poll >= POLL_EVERY_NS
	      || ++s->rounds_since_poll >= POLL_EVERY_ROUNDS))
	{
	  poll_io (s, 0);
	  s->last_poll = now;
	  s->rounds_since_poll = 0;
	}
    }
  else if (s->io_waiters || s->refs || s->heap_len || !block)
    {
      int timeout = -1;
      if (!block)
	timeout = 0;
      else if (s->heap_len)
	timeout = timeout_ms_until (s->heap[0]->ext->deadline, now);
      /* Wake up now and then to look for fds closed under a waiter.  */
      if (s->io_waiters
	  && (timeout < 0 || timeout > CLOSED_CHECK_NS / 1000000))
	timeout = CLOSED_CHECK_NS / 1000000;
      poll_io (s, timeout);
      s->rounds_since_poll = 0;
      if (s->heap_len || s->io_waiters)
	{
	  now = cpc_now_ns ();
	  fire_timers (s, now);
	}
      s->last_poll = now;
    }
  if (s->io_waiters)
    check_closed_fds (s, now ? now : cpc_now_ns ());
  /* Run the coroutines runnable now, each once: the ones they wake or
     that yield wait for the next round, after timers and I/O.  */
  for (size_t n = s->rq_len; n > 0 && s->rq_len; n--)
    cpc__resume (rq_pop (s));
}

static struct cpc_sched *
loop_enter (const char *what)
{
  if (cpc_self ())
    cpc__die ("%s: called from a coroutine", what);
  struct cpc_sched *s = cpc__sched ();
  if (s->in_dispatch)
    cpc__die ("%s: called recursively", what);
  s->in_dispatch = 1;
  return s;
}

void
cpc_main_loop (void)
{
  struct cpc_sched *s = loop_enter ("cpc_main_loop");
  while (pending (s))
    step (s, 1);
  s->in_dispatch = 0;
}

void
cpc_sched_dispatch (void)
{
  struct cpc_sched *s = loop_enter ("cpc_sched_dispatch");
  step (s, 0);
  s->in_dispatch = 0;
}

int
cpc_sched_fd (void)
{
  return cpc__sched ()->epfd;
}

int64_t
cpc_sched_deadline_ns (void)
{
  struct cpc_sched *s = cpc__sched ();
  if (s->rq_len
      || atomic_load_explicit (&s->remote_pending, memory_order_relaxed))
    return (int64_t) cpc_now_ns ();
  if (s->heap_len)
    return (int64_t) s->heap[0]->ext->deadline;
  return -1;
}

int
cpc_sched_timeout_ms (void)
{
  int64_t d = cpc_sched_deadline_ns ();
  if (d < 0)
    return -1;
  return timeout_ms_until ((uint64_t) d, cpc_now_ns ());
}

bool
cpc_sched_pending (void)
{
  return pending (cpc__sched ());
}
