// C++20 coroutines (<coroutine>, libstdc++ 12), the same source compiled
// by g++-12 and by clang++-14 at -O2.  Lazy tasks (initial_suspend
// always); a co_await of a task transfers to it symmetrically and its
// final_suspend transfers back to the awaiter.  Every coroutine frame is
// allocated with operator new unless the compiler elides it (HALO).
//
// Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT
#include <coroutine>
#include <utility>
#include <exception>
#include "common.h"

volatile int never;

template <typename T> struct task;

struct promise_base
{
  std::coroutine_handle<> cont;	// the awaiter, or none
  std::suspend_always initial_suspend () noexcept { return {}; }
  struct final_awaiter
  {
    bool await_ready () noexcept { return false; }
    template <typename P>
    std::coroutine_handle<> await_suspend (std::coroutine_handle<P> h) noexcept
    {
      std::coroutine_handle<> c = h.promise ().cont;
      return c ? c : std::noop_coroutine ();
    }
    void await_resume () noexcept {}
  };
  final_awaiter final_suspend () noexcept { return {}; }
  void unhandled_exception () { std::terminate (); }
};

template <typename T>
struct task
{
  struct promise_type : promise_base
  {
    T value;
    task get_return_object ()
    { return task (std::coroutine_handle<promise_type>::from_promise (*this)); }
    void return_value (T v) { value = v; }
  };
  std::coroutine_handle<promise_type> h;
  explicit task (std::coroutine_handle<promise_type> h) : h (h) {}
  task (task &&o) : h (std::exchange (o.h, nullptr)) {}
  ~task () { if (h) h.destroy (); }
  bool await_ready () { return false; }
  std::coroutine_handle<> await_suspend (std::coroutine_handle<> awaiter)
  {
    h.promise ().cont = awaiter;
    return h;
  }
  T await_resume () { return h.promise ().value; }
};

template <>
struct task<void>
{
  struct promise_type : promise_base
  {
    task get_return_object ()
    { return task (std::coroutine_handle<promise_type>::from_promise (*this)); }
    void return_void () {}
  };
  std::coroutine_handle<promise_type> h;
  explicit task (std::coroutine_handle<promise_type> h) : h (h) {}
  task (task &&o) : h (std::exchange (o.h, nullptr)) {}
  ~task () { if (h) h.destroy (); }
  bool await_ready () { return false; }
  std::coroutine_handle<> await_suspend (std::coroutine_handle<> awaiter)
  {
    h.promise ().cont = awaiter;
    return h;
  }
  void await_resume () {}
};

// Resume H through an opaque pointer (as a scheduler would: no
// devirtualization of the resume call).
static inline void
resume (std::coroutine_handle<> h)
{
  void *p = h.address ();
  OPAQUE (p);
  std::coroutine_handle<>::from_address (p).resume ();
}

// ---- yield --------------------------------------------------------------

struct gen { long count; int stop; };

static task<void>
gen_body (gen *g)
{
  // (for (;;) { g->count++; if (g->stop) break; co_await ...; } crashes
  // clang 14's CoroSplit at -O2; every mechanism uses this form)
  while (!g->stop)
    {
      g->count++;
      co_await std::suspend_always {};
    }
}

static double
w_yield ()
{
  long n = bench_iters (YIELD_ITERS);
  gen g = { 0, 0 };
  task<void> t = gen_body (&g);
  resume (t.h);
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    resume (t.h);
  double t1 = bench_now ();
  g.stop = 1;
  resume (t.h);
  bench_check (t.h.done () && g.count == n + 1, "yield");
  return (t1 - t0) * 1e9 / n;
}

// ---- lifecycle ----------------------------------------------------------

struct life { int a, b, out; };

static task<void>
life_body (life *x)
{
  if (never)
    co_await std::suspend_always {};
  x->out = x->a + x->b;
}

static double
w_lifecycle ()
{
  long n = bench_iters (LIFE_ITERS);
  life x = { 0, 1, 0 };
  long sum = 0;
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      x.a = i;
      task<void> t = life_body (&x);	// create
      resume (t.h);			// run to completion
      sum += x.out;
    }					// destroy
  double t1 = bench_now ();
  bench_check (sum == (long) n * (n + 1) / 2, "lifecycle");
  return (t1 - t0) * 1e9 / n;
}

// ---- nested calls -------------------------------------------------------

static std::coroutine_handle<> top;	// the innermost suspended frame

struct suspend_top
{
  bool await_ready () { return false; }
  void await_suspend (std::coroutine_handle<> h) { top = h; }
  void await_resume () {}
};

static task<int>
nest (int n, int suspend)
{
  if (n == 0)
    {
      if (suspend)
	co_await suspend_top {};
      co_return 1;
    }
  int r = co_await nest (n - 1, suspend);
  OPAQUE (r);
  co_return r + 1;
}

struct nestarg { int suspend; int result; long iters; };

static task<void>
nest_body (nestarg *a)
{
  for (long i = 0; i < a->iters; i++)
    a->result = co_await nest (DEPTH - 1, a->suspend);
}

static double
w_nested ()
{
  long n = bench_iters (NEST_ITERS);
  nestarg a = { 1, 0, 1 };
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      task<void> t = nest_body (&a);
      resume (t.h);		// down DEPTH levels, suspends
      resume (top);		// resume the innermost, unwind
      bench_check (t.h.done () && a.result == DEPTH, "nested");
      a.result = 0;
    }
  double t1 = bench_now ();
  return (t1 - t0) * 1e9 / ((double) n * DEPTH);
}

static double
w_callnest ()
{
  nestarg a = { never, 0, bench_iters (CALL_ITERS) };
  double t0 = bench_now ();
  task<void> t = nest_body (&a);
  resume (t.h);
  double t1 = bench_now ();
  bench_check (t.h.done () && a.result == DEPTH, "callnest");
  return (t1 - t0) * 1e9 / ((double) a.iters * DEPTH);
}

static __attribute__ ((noinline)) task<int>
add1 (int x)
{
  if (never)
    co_await std::suspend_always {};
  OPAQUE (x);
  co_return x + 1;
}

struct callarg { long iters; int x; };

static task<void>
call_body (callarg *a)
{
  int x = 0;
  for (long i = 0; i < a->iters; i++)
    x = co_await add1 (x);
  a->x = x;
}

static double
w_call ()
{
  callarg a = { bench_iters (YIELD_ITERS), 0 };
  double t0 = bench_now ();
  task<void> t = call_body (&a);
  resume (t.h);
  double t1 = bench_now ();
  bench_check (t.h.done () && a.x == a.iters, "call");
  return (t1 - t0) * 1e9 / a.iters;
}

// ---- condvar ping-pong through a run queue ------------------------------

struct hqueue
{
  std::coroutine_handle<> buf[8];
  unsigned head = 0, tail = 0;
  bool empty () const { return head == tail; }
  void push (std::coroutine_handle<> h) { buf[tail++ & 7] = h; }
  std::coroutine_handle<> pop () { return buf[head++ & 7]; }
};

static hqueue runq, ping_c, pong_c;
static int turn, pp_done;
static long pp_iters, pong_count;

static inline void
cond_signal (hqueue &c)
{
  if (!c.empty ())
    runq.push (c.pop ());
}

struct cond_wait
{
  hqueue &c;
  bool await_ready () { return false; }
  void await_suspend (std::coroutine_handle<> h) { c.push (h); }
  void await_resume () {}
};

static task<void>
ping ()
{
  for (long i = 0; i < pp_iters; i++)
    {
      turn = 1;
      cond_signal (pong_c);
      while (turn == 1)
	co_await cond_wait { ping_c };
    }
  pp_done = 1;
  cond_signal (pong_c);
}

static task<void>
pong ()
{
  for (;;)
    {
      while (turn == 0 && !pp_done)
	co_await cond_wait { pong_c };
      if (pp_done)
	break;
      pong_count++;
      turn = 0;
      cond_signal (ping_c);
    }
}

static double
w_pingpong ()
{
  pp_iters = bench_iters (PINGPONG_ITERS);
  task<void> a = ping (), b = pong ();
  runq.push (a.h);
  runq.push (b.h);
  double t0 = bench_now ();
  while (!runq.empty ())
    resume (runq.pop ());
  double t1 = bench_now ();
  bench_check (a.h.done () && b.h.done () && pong_count == pp_iters,
	       "pingpong");
  return (t1 - t0) * 1e9 / pp_iters;
}

// ---- skynet -------------------------------------------------------------

static task<long>
skynet (long num, long size)
{
  if (size == 1)
    {
      if (never)
	co_await std::suspend_always {};
      co_return num;
    }
  long sum = 0;
  for (int i = 0; i < 10; i++)
    sum += co_await skynet (num + i * (size / 10), size / 10);
  co_return sum;
}

static double
w_skynet ()
{
  double t0 = bench_now ();
  task<long> t = skynet (0, SKYNET_LEAVES);
  resume (t.h);
  double t1 = bench_now ();
  bench_check (t.h.done () && t.h.promise ().value == SKYNET_SUM, "skynet");
  return (t1 - t0) * 1e3;
}

// ---- memory -------------------------------------------------------------

static long two_sum;

static task<void>
two_body (int a)
{
  int b = a * 3;
  OPAQUE (b);
  co_await std::suspend_always {};
  two_sum += a + b;
}

static double
w_memory ()
{
  long n = MEM_COROS;
  void **h = (void **) malloc (n * sizeof *h);
  // The handles are not counted: touch them now.  The barrier keeps GCC
  // from making malloc + memset a calloc, whose fresh pages would only
  // become resident as the loop below fills them.
  OPAQUE (h);
  memset (h, 0, n * sizeof *h);
  long before = bench_rss ();
  for (long i = 0; i < n; i++)
    {
      task<void> t = two_body (i);
      resume (t.h);
      h[i] = std::exchange (t.h, nullptr).address ();
    }
  long after = bench_rss ();
  for (long i = 0; i < n; i++)
    {
      auto c = std::coroutine_handle<task<void>::promise_type>::from_address (h[i]);
      resume (c);
      if (!c.done ())
	abort ();
      c.destroy ();
    }
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
