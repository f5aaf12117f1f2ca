/* The workloads of the stackful mechanisms (ucontext, Boost.Context),
   written once against a small API each mechanism's file provides before
   including this one:

     struct co *co_create (void (*fn) (void *), void *arg);  not started
     int co_enter (struct co *co);   run until it yields or returns; 1 when
                                     it returned (it is then destroyed)
     void co_yield (void);           back to whoever entered the current one

   Nested calls are plain C calls on the coroutine's stack; a "spawn" (the
   skynet tree) is a new coroutine per node.  C and C++.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "common.h"

/* Slow mechanisms run fewer iterations (the figures are per operation). */
#ifndef STACKFUL_LIFE_DIV
# define STACKFUL_LIFE_DIV 1
#endif
#ifndef STACKFUL_PP_DIV
# define STACKFUL_PP_DIV 1
#endif

volatile int never;

/* ---- yield ------------------------------------------------------------ */

struct gen { long count; int stop; };

static void
gen_body (void *opaque)
{
  struct gen *g = (struct gen *) opaque;
  while (!g->stop)
    {
      g->count++;
      co_yield ();
    }
}

static double
w_yield (void)
{
  long n = bench_iters (YIELD_ITERS);
  struct gen g = { 0, 0 };
  struct co *co = co_create (gen_body, &g);
  co_enter (co);
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    co_enter (co);
  double t1 = bench_now ();
  g.stop = 1;
  bench_check (co_enter (co) == 1 && g.count == n + 1, "yield");
  return (t1 - t0) * 1e9 / n;
}

/* ---- lifecycle -------------------------------------------------------- */

struct life { int a, b, out; };

static void
life_body (void *opaque)
{
  struct life *x = (struct life *) opaque;
  if (never)
    co_yield ();
  x->out = x->a + x->b;
}

static double
w_lifecycle (void)
{
  long n = bench_iters (LIFE_ITERS) / STACKFUL_LIFE_DIV;
  struct life x = { 0, 1, 0 };
  long sum = 0;
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      x.a = i;
      co_enter (co_create (life_body, &x));
      sum += x.out;
    }
  double t1 = bench_now ();
  bench_check (sum == (long) n * (n + 1) / 2, "lifecycle");
  return (t1 - t0) * 1e9 / n;
}

/* ---- nested calls: plain calls on the coroutine stack ----------------- */

static __attribute__ ((noinline)) int
nest (int n, int suspend)
{
  if (n == 0)
    {
      if (suspend)
	co_yield ();
      return 1;
    }
  int r = nest (n - 1, suspend);
  OPAQUE (r);
  return r + 1;
}

struct nestarg { int suspend; int result; long iters; };

static void
nest_body (void *opaque)
{
  struct nestarg *a = (struct nestarg *) opaque;
  for (long i = 0; i < a->iters; i++)
    a->result = nest (DEPTH - 1, a->suspend);
}

static double
w_nested (void)
{
  long n = bench_iters (NEST_ITERS) / STACKFUL_LIFE_DIV;
  struct nestarg a = { 1, 0, 1 };
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      struct co *co = co_create (nest_body, &a);
      co_enter (co);
      co_enter (co);
      bench_check (a.result == DEPTH, "nested");
      a.result = 0;
    }
  double t1 = bench_now ();
  return (t1 - t0) * 1e9 / ((double) n * DEPTH);
}

static double
w_callnest (void)
{
  struct nestarg a = { never, 0, bench_iters (CALL_ITERS) };
  double t0 = bench_now ();
  co_enter (co_create (nest_body, &a));
  double t1 = bench_now ();
  bench_check (a.result == DEPTH, "callnest");
  return (t1 - t0) * 1e9 / ((double) a.iters * DEPTH);
}

static __attribute__ ((noinline)) int
add1 (int x)
{
  if (never)
    co_yield ();
  OPAQUE (x);
  return x + 1;
}

struct callarg { long iters; int x; };

static void
call_body (void *opaque)
{
  struct callarg *a = (struct callarg *) opaque;
  int x = 0;
  for (long i = 0; i < a->iters; i++)
    x = add1 (x);
  a->x = x;
}

static double
w_call (void)
{
  struct callarg a = { bench_iters (YIELD_ITERS), 0 };
  double t0 = bench_now ();
  co_enter (co_create (call_body, &a));
  double t1 = bench_now ();
  bench_check (a.x == a.iters, "call");
  return (t1 - t0) * 1e9 / a.iters;
}

/* ---- condvar ping-pong through a run queue ---------------------------- */

struct task { struct co *co; struct task *next; };
struct queue { struct task *head, *tail; };

static struct queue runq, ping_c, pong_c;
static struct task *cur_task;
static int turn, pp_done;
static long pp_iters, pong_count;

static inline void
q_push (struct queue *q, struct task *t)
{
  t->next = NULL;
  if (q->tail)
    q->tail->next = t;
  else
    q->head = t;
  q->tail = t;
}

static inline struct task *
q_pop (struct queue *q)
{
  struct task *t = q->head;
  if (t && !(q->head = t->next))
    q->tail = NULL;
  return t;
}

static inline void
cond_signal (struct queue *c)
{
  struct task *t = q_pop (c);
  if (t)
    q_push (&runq, t);
}

static inline void
cond_wait (struct queue *c)
{
  q_push (c, cur_task);
  co_yield ();
}

static void
ping (void *opaque)
{
  (void) opaque;
  for (long i = 0; i < pp_iters; i++)
    {
      turn = 1;
      cond_signal (&pong_c);
      while (turn == 1)
	cond_wait (&ping_c);
    }
  pp_done = 1;
  cond_signal (&pong_c);
}

static void
pong (void *opaque)
{
  (void) opaque;
  for (;;)
    {
      while (turn == 0 && !pp_done)
	cond_wait (&pong_c);
      if (pp_done)
	break;
      pong_count++;
      turn = 0;
      cond_signal (&ping_c);
    }
}

static double
w_pingpong (void)
{
  pp_iters = bench_iters (PINGPONG_ITERS) / STACKFUL_PP_DIV;
  struct task a, b;
  a.co = co_create (ping, NULL);
  b.co = co_create (pong, NULL);
  q_push (&runq, &a);
  q_push (&runq, &b);
  int finished = 0;
  double t0 = bench_now ();
  while ((cur_task = q_pop (&runq)))
    finished += co_enter (cur_task->co);
  double t1 = bench_now ();
  bench_check (finished == 2 && pong_count == pp_iters, "pingpong");
  return (t1 - t0) * 1e9 / pp_iters;
}

/* ---- skynet: a new coroutine per node --------------------------------- */

struct sknode { long num, size, result; };

static void
sk_body (void *opaque)
{
  struct sknode *nd = (struct sknode *) opaque;
  if (nd->size == 1)
    {
      if (never)
	co_yield ();
      nd->result = nd->num;
      return;
    }
  long sum = 0;
  for (int i = 0; i < 10; i++)
    {
      struct sknode c;
      c.size = nd->size / 10;
      c.num = nd->num + i * c.size;
      c.result = 0;
      if (co_enter (co_create (sk_body, &c)) != 1)
	abort ();
      sum += c.result;
    }
  nd->result = sum;
}

static double
w_skynet (void)
{
  struct sknode root = { 0, SKYNET_LEAVES, 0 };
  double t0 = bench_now ();
  co_enter (co_create (sk_body, &root));
  double t1 = bench_now ();
  bench_check (root.result == SKYNET_SUM, "skynet");
  return (t1 - t0) * 1e3;
}

/* ---- memory: suspended coroutines holding two ints -------------------- */

static long two_sum;

static void
two_body (void *opaque)
{
  int a = (int) (intptr_t) opaque;
  int b = a * 3;
  OPAQUE (b);
  co_yield ();
  two_sum += a + b;
}

static double
w_memory (void)
{
  long n = MEM_COROS_STACKFUL;
  struct co **h = (struct co **) malloc (n * sizeof *h);
  memset (h, 0, n * sizeof *h);
  long before = bench_rss ();
  for (long i = 0; i < n; i++)
    {
      h[i] = co_create (two_body, (void *) (intptr_t) i);
      co_enter (h[i]);
    }
  long after = bench_rss ();
  for (long i = 0; i < n; i++)
    if (co_enter (h[i]) != 1)
      abort ();
  bench_check (two_sum == 4 * (n * (n - 1) / 2), "memory");
  free (h);
  return (double) (after - before) / n;
}

int
main (int argc, char **argv)
{
  const char *w = bench_args (argc, argv);
  double v;
  if (IS (w, "yield"))
    v = w_yield ();
  else if (IS (w, "lifecycle"))
    v = w_lifecycle ();
  else if (IS (w, "nested"))
    v = w_nested ();
  else if (IS (w, "callnest"))
    v = w_callnest ();
  else if (IS (w, "call"))
    v = w_call ();
  else if (IS (w, "pingpong"))
    v = w_pingpong ();
  else if (IS (w, "skynet"))
    v = w_skynet ();
  else if (IS (w, "memory"))
    v = w_memory ();
  else
    return bench_na ();
  bench_report (v);
  return 0;
}
