/* Shared by every mechanism of the cpc benchmark suite (C and C++).

   Each bench-MECH program runs ONE workload once and prints one number on
   stdout (its unit is given by bench/run); bench/run repeats it, takes the
   median and prints the table.  Usage: bench-MECH WORKLOAD [SCALE]
   where SCALE (default 1.0) multiplies the iteration counts (make
   bench-quick uses 0.2).  Exit status 2: workload not applicable.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_BENCH_COMMON_H
#define CPC_BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

/* The same parameters for every mechanism.  */
#define YIELD_ITERS	20000000L	/* yield+resume round trips */
#define LIFE_ITERS	5000000L	/* create+run+destroy */
#define DEPTH		1000		/* nested and call workloads */
#define NEST_ITERS	4000L		/* descents of DEPTH levels, suspending */
#define CALL_ITERS	20000L		/* descents of DEPTH levels, no suspension */
#define PINGPONG_ITERS	5000000L	/* condvar round trips */
#define SKYNET_LEAVES	1000000L	/* 10-ary tree of depth 6 */
#define SKYNET_SUM	499999500000LL	/* 0 + 1 + ... + 999999 */
#define MEM_COROS	1000000L	/* suspended coroutines, stackless */
#define MEM_COROS_STACKFUL 20000L	/* stackful: mmap'd stacks; extrapolated */

/* Hide a value from the optimizers (no constant folding, no tail
   recursion elimination, no devirtualization through it).  */
#ifdef __cplusplus
# define OPAQUE(x) __asm__ volatile ("" : "+r" (x))
#else
# define OPAQUE(x) __asm__ volatile ("" : "+r" (x))
#endif

/* CPU time of this thread, not wall-clock time: on a shared, loaded
   machine the time the process spends descheduled would otherwise land
   in the figures (every workload is single-threaded and CPU-bound).  */
static inline double
bench_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double bench_scale = 1.0;

static inline long
bench_iters (long n)
{
  long k = (long) (n * bench_scale);
  return k < 1 ? 1 : k;
}

/* Resident bytes of this process (/proc/self/statm, field 2).  */
static inline long
bench_rss (void)
{
  long size = 0, resident = 0;
  FILE *f = fopen ("/proc/self/statm", "r");
  if (!f || fscanf (f, "%ld %ld", &size, &resident) != 2)
    {
      fprintf (stderr, "bench: cannot read /proc/self/statm\n");
      exit (1);
    }
  fclose (f);
  return resident * sysconf (_SC_PAGESIZE);
}

static inline void
bench_check (int ok, const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "bench: wrong result: %s\n", what);
      exit (1);
    }
}

/* Print the workload's figure: nanoseconds per operation, bytes, ...  */
static inline void
bench_report (double value)
{
  printf ("%.3f\n", value);
}

static inline int
bench_na (void)
{
  printf ("n/a\n");
  return 2;
}

/* Parse argv; returns the workload name.  */
static inline const char *
bench_args (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s WORKLOAD [SCALE]\n", argv[0]);
      exit (1);
    }
  if (argc > 2)
    bench_scale = atof (argv[2]);
  if (!(bench_scale > 0))
    bench_scale = 1.0;
  return argv[1];
}

#define IS(w, name) (strcmp ((w), (name)) == 0)

#endif /* CPC_BENCH_COMMON_H */
