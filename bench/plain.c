/* Plain C function calls: the floor for the call workloads (no
   coroutine can be cheaper than the call it replaces).  gcc -O2.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "common.h"

static __attribute__ ((noinline)) int
add1 (int x)
{
  OPAQUE (x);
  return x + 1;
}

static __attribute__ ((noinline)) int
nest (int n)
{
  if (n == 0)
    return 1;
  int r = nest (n - 1);
  OPAQUE (r);
  return r + 1;
}

static __attribute__ ((noinline)) long
skynet (long num, long size)
{
  if (size == 1)
    return num;
  long sum = 0;
  for (int i = 0; i < 10; i++)
    sum += skynet (num + i * (size / 10), size / 10);
  OPAQUE (sum);
  return sum;
}

int
main (int argc, char **argv)
{
  const char *w = bench_args (argc, argv);
  double t0, t1, v;
  if (IS (w, "call"))
    {
      long n = bench_iters (YIELD_ITERS);
      int x = 0;
      t0 = bench_now ();
      for (long i = 0; i < n; i++)
	x = add1 (x);
      t1 = bench_now ();
      bench_check (x == n, "call");
      v = (t1 - t0) * 1e9 / n;
    }
  else if (IS (w, "callnest"))
    {
      long n = bench_iters (CALL_ITERS);
      t0 = bench_now ();
      for (long i = 0; i < n; i++)
	bench_check (nest (DEPTH - 1) == DEPTH, "callnest");
      t1 = bench_now ();
      v = (t1 - t0) * 1e9 / ((double) n * DEPTH);
    }
  else if (IS (w, "skynet"))
    {
      t0 = bench_now ();
      long s = skynet (0, SKYNET_LEAVES);
      t1 = bench_now ();
      bench_check (s == SKYNET_SUM, "skynet");
      v = (t1 - t0) * 1e3;
    }
  else
    return bench_na ();
  bench_report (v);
  return 0;
}
