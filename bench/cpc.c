/* cpc: the same workloads written as coroutine_fn code, compiled with
   the plugin at -O2 and linked statically with libcpc.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <cpc.h>
#include "common.h"

volatile int never;		/* 0: conditional suspensions never taken */

/* ---- yield ------------------------------------------------------------ */

struct gen { long count; int stop; };

coroutine_fn static void
gen_body (void *opaque)
{
  struct gen *g = opaque;
  while (!g->stop)
    {
      g->count++;
      cpc_suspend ();
    }
}

static double
w_yield (void)
{
  long n = bench_iters (YIELD_ITERS);
  struct gen g = { 0, 0 };
  cpc_coroutine *co = cpc_create (gen_body, &g);
  cpc_enter (co);		/* started: suspended at the loop */
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    cpc_enter (co);
  double t1 = bench_now ();
  g.stop = 1;
  cpc_enter (co);		/* finishes; co is freed */
  bench_check (g.count == n + 1, "yield");
  return (t1 - t0) * 1e9 / n;
}

/* ---- lifecycle -------------------------------------------------------- */

struct life { int a, b, out; };

coroutine_fn static void
life_body (void *opaque)
{
  struct life *x = opaque;
  if (never)
    cpc_suspend ();
  x->out = x->a + x->b;
}

static double
w_lifecycle (void)
{
  long n = bench_iters (LIFE_ITERS);
  struct life x = { 0, 1, 0 };
  long sum = 0;
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      x.a = i;
      cpc_enter (cpc_create (life_body, &x));	/* runs, finishes, freed */
      sum += x.out;
    }
  double t1 = bench_now ();
  bench_check (sum == (long) n * (n + 1) / 2, "lifecycle");
  return (t1 - t0) * 1e9 / n;
}

/* ---- nested calls ----------------------------------------------------- */

coroutine_fn static int
nest (int n, int suspend)
{
  if (n == 0)
    {
      if (suspend)
	cpc_suspend ();
      return 1;
    }
  int r = nest (n - 1, suspend);
  OPAQUE (r);
  return r + 1;
}

struct nestarg { int suspend; int result; long iters; };

coroutine_fn static void
nest_body (void *opaque)
{
  struct nestarg *a = opaque;
  for (long i = 0; i < a->iters; i++)
    a->result = nest (DEPTH - 1, a->suspend);
}

/* Depth DEPTH, innermost suspends; then resume it and unwind.  */
static double
w_nested (void)
{
  long n = bench_iters (NEST_ITERS);
  struct nestarg a = { 1, 0, 1 };
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      cpc_coroutine *co = cpc_create (nest_body, &a);
      cpc_enter (co);		/* down DEPTH levels, suspends */
      cpc_enter (co);		/* resumes the innermost, unwinds, freed */
      bench_check (a.result == DEPTH, "nested");
      a.result = 0;
    }
  double t1 = bench_now ();
  return (t1 - t0) * 1e9 / ((double) n * DEPTH);
}

/* Depth DEPTH, nothing suspends, all in one coroutine.  */
static double
w_callnest (void)
{
  struct nestarg a = { never, 0, bench_iters (CALL_ITERS) };
  double t0 = bench_now ();
  cpc_enter (cpc_create (nest_body, &a));
  double t1 = bench_now ();
  bench_check (a.result == DEPTH, "callnest");
  return (t1 - t0) * 1e9 / ((double) a.iters * DEPTH);
}

coroutine_fn static __attribute__ ((noinline)) int
add1 (int x)
{
  if (never)
    cpc_suspend ();
  OPAQUE (x);
  return x + 1;
}

struct callarg { long iters; int x; };

coroutine_fn static void
call_body (void *opaque)
{
  struct callarg *a = opaque;
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
  cpc_enter (cpc_create (call_body, &a));
  double t1 = bench_now ();
  bench_check (a.x == a.iters, "call");
  return (t1 - t0) * 1e9 / a.iters;
}

/* ---- condvar ping-pong through the scheduler -------------------------- */

#ifdef CPC_COND_INITIALIZER	/* the scheduler has landed in runtime/ */
static cpc_cond ping_c = CPC_COND_INITIALIZER, pong_c = CPC_COND_INITIALIZER;
static int turn, pp_done;
static long pp_iters, pong_count;

coroutine_fn static void
ping (void *opaque)
{
  (void) opaque;
  for (long i = 0; i < pp_iters; i++)
    {
      turn = 1;
      cpc_cond_signal (&pong_c);
      while (turn == 1)
	cpc_cond_wait (&ping_c);
    }
  pp_done = 1;
  cpc_cond_signal (&pong_c);
}

coroutine_fn static void
pong (void *opaque)
{
  (void) opaque;
  for (;;)
    {
      while (turn == 0 && !pp_done)
	cpc_cond_wait (&pong_c);
      if (pp_done)
	break;
      pong_count++;
      turn = 0;
      cpc_cond_signal (&ping_c);
    }
}

static double
w_pingpong (void)
{
  pp_iters = bench_iters (PINGPONG_ITERS);
  cpc_spawn (ping, NULL);
  cpc_spawn (pong, NULL);
  double t0 = bench_now ();
  cpc_main_loop ();
  double t1 = bench_now ();
  bench_check (pong_count == pp_iters, "pingpong");
  return (t1 - t0) * 1e9 / pp_iters;
}
#define HAVE_PINGPONG 1
#else
#define HAVE_PINGPONG 0
static double w_pingpong (void) { return 0; }
#endif

/* ---- skynet: a 10-ary tree of coroutine calls, 1 M leaves ------------- */

coroutine_fn static long
skynet (long num, long size)
{
  if (size == 1)
    {
      if (never)
	cpc_suspend ();
      return num;
    }
  long sum = 0;
  for (int i = 0; i < 10; i++)
    sum += skynet (num + i * (size / 10), size / 10);
  return sum;
}

coroutine_fn static void
skynet_body (void *opaque)
{
  *(long *) opaque = skynet (0, SKYNET_LEAVES);
}

static double
w_skynet (void)
{
  long sum = 0;
  double t0 = bench_now ();
  cpc_enter (cpc_create (skynet_body, &sum));
  double t1 = bench_now ();
  bench_check (sum == SKYNET_SUM, "skynet");
  return (t1 - t0) * 1e3;
}

/* ---- memory: suspended coroutines holding two ints -------------------- */

static long two_sum;

coroutine_fn static void
two_body (void *opaque)
{
  int a = (int) (intptr_t) opaque;
  int b = a * 3;
  OPAQUE (b);
  cpc_suspend ();
  two_sum += a + b;
}

static double
w_memory (void)
{
  long n = MEM_COROS;
  cpc_coroutine **h = malloc (n * sizeof *h);
  /* The handles are not counted: touch them now.  The barrier keeps GCC
     from making malloc + memset a calloc, whose fresh pages would only
     become resident as the loop below fills them.  */
  OPAQUE (h);
  memset (h, 0, n * sizeof *h);
  long before = bench_rss ();
  for (long i = 0; i < n; i++)
    {
      h[i] = cpc_create (two_body, (void *) (intptr_t) i);
      cpc_enter (h[i]);
    }
  long after = bench_rss ();
  for (long i = 0; i < n; i++)
    cpc_enter (h[i]);		/* finishes; freed */
  bench_check (two_sum == 4 * (n * (n - 1) / 2), "memory");
  free (h);
  return (double) (after - before) / n;
}

/* ---- yield through the scheduler, with and without a crowd ------------
   Two coroutines cpc_yield to each other N times; with "crowded", a
   million more coroutines sleep (timer heap) and wait on a condition
   variable the whole time.  The run queue, the heap top and the
   condition's wait list are O(1) to look at, so the two costs should be
   equal.  cpc only (the scheduler is cpc's).  */

struct yielder { long n; };
static int yielders_done;
static cpc_cond crowd_cond = CPC_COND_INITIALIZER;
static int crowd_release;

coroutine_fn static void
yielder (void *opaque)
{
  struct yielder *y = opaque;
  for (long i = 0; i < y->n; i++)
    cpc_yield ();
  yielders_done++;
}

coroutine_fn static void
sleeper (void *opaque)
{
  (void) opaque;
  cpc_sleep_ns (3600ull * 1000000000ull);
}

coroutine_fn static void
cond_waiter (void *opaque)
{
  (void) opaque;
  while (!crowd_release)
    cpc_cond_wait (&crowd_cond);
}

static double
w_schedyield (int crowded)
{
  long n = bench_iters (YIELD_ITERS / 4);
  /* CPC_BENCH_CROWD overrides the crowd (pairs of sleeper + waiter).  */
  const char *env = getenv ("CPC_BENCH_CROWD");
  long crowd = crowded ? (env ? atol (env) : 500000) : 0;
  cpc_coroutine **sleepers = NULL;
  if (crowd)
    {
      sleepers = malloc (crowd * sizeof *sleepers);
      for (long i = 0; i < crowd; i++)
	{
	  sleepers[i] = cpc_spawn (sleeper, 0);
	  cpc_spawn (cond_waiter, 0);
	}
      /* Let them all reach their waits: one dispatch round.  */
      cpc_sched_dispatch ();
    }
  struct yielder a = { n }, b = { n };
  cpc_spawn (yielder, &a);
  cpc_spawn (yielder, &b);
  double t0 = bench_now ();
  while (yielders_done < 2)
    cpc_sched_dispatch ();
  double t1 = bench_now ();
  (void) sleepers;
  free (sleepers);
  /* The crowd is left behind: the process ends here.  */
  return (t1 - t0) * 1e9 / (2.0 * n);
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
  else if (IS (w, "pingpong") && HAVE_PINGPONG)
    v = w_pingpong ();
  else if (IS (w, "pingpong"))
    {
      printf ("pending\n");	/* no scheduler in runtime/ yet */
      return 2;
    }
  else if (IS (w, "schedyield"))
    v = w_schedyield (0);
  else if (IS (w, "schedyield-crowded"))
    v = w_schedyield (1);
  else if (IS (w, "skynet"))
    v = w_skynet ();
  else if (IS (w, "memory"))
    v = w_memory ();
  else
    return bench_na ();
  bench_report (v);
  return 0;
}
