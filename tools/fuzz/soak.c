/* cpc soak test: create, suspend and finish many coroutines (10 million
   by default) across every primitive, in batches, and check that the
   resident set stays flat.  A benchmark-style program ("make soak"), not a
   CI test.

     soak [TOTAL [BATCH]]      defaults 10000000 and 10000

   Each coroutine of a batch uses one primitive, by its index: cpc_suspend
   driven by cpc_enter, cpc_yield, cpc_sleep_ns, cpc_cond_wait (signalled
   by its neighbour), cpc_mutex_lock (contended), cpc_rwlock (readers and a
   writer), nested coroutine calls that suspend, and a 4 KiB frame.  After
   each batch the program prints the resident set size now and then; it
   fails (exit 1) if the RSS after the last batch exceeds the RSS after the
   first tenth of the batches (at least two: the allocators warm up) by more
   than 10% + 2 MiB.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <cpc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cpc_cond cond;
static cpc_mutex mutex;
static cpc_rwlock rw;
static long finished, counter;

static long
rss_kib (void)
{
  long pages = 0, res = 0;
  FILE *f = fopen ("/proc/self/statm", "r");
  if (f)
    {
      if (fscanf (f, "%ld %ld", &pages, &res) != 2)
	res = 0;
      fclose (f);
    }
  return res * (sysconf (_SC_PAGESIZE) / 1024);
}

coroutine_fn static long
nest (int depth)
{
  if (depth == 0)
    {
      cpc_yield ();
      return 1;
    }
  long r = nest (depth - 1);
  if (depth % 2)
    cpc_yield ();
  return r + 1;
}

coroutine_fn static void
worker (void *opaque)
{
  long i = (long) (intptr_t) opaque;
  switch (i % 8)
    {
    case 0:
      cpc_yield ();
      cpc_yield ();
      break;
    case 1:
      cpc_sleep_ns (0);
      break;
    case 2:
      cpc_cond_wait (&cond);	/* signalled by case 3 of the same group */
      break;
    case 3:
      cpc_yield ();
      cpc_cond_signal (&cond);
      break;
    case 4:
      cpc_mutex_lock (&mutex);
      cpc_yield ();		/* hold it across a suspension */
      counter++;
      cpc_mutex_unlock (&mutex);
      break;
    case 5:
      if (i % 16 == 5)
	cpc_rwlock_wrlock (&rw);
      else
	cpc_rwlock_rdlock (&rw);
      cpc_yield ();
      cpc_rwlock_unlock (&rw);
      break;
    case 6:
      counter += nest (6);
      break;
    case 7:
      {
	volatile char big[4096];
	memset ((char *) big, (int) i, sizeof big);
	cpc_yield ();
	counter += big[i % 4096];
      }
      break;
    }
  finished++;
}

/* Driven by hand, not by the scheduler: create, enter, suspend, finish.  */
coroutine_fn static void
manual (void *opaque)
{
  int *steps = opaque;
  while (--*steps > 0)
    cpc_suspend ();
  finished++;
}

int
main (int argc, char **argv)
{
  long total = argc > 1 ? atol (argv[1]) : 10000000L;
  long batch = argc > 2 ? atol (argv[2]) : 10000L;
  long first = 0, last = 0, peak = 0;
  cpc_cond_init (&cond);
  cpc_mutex_init (&mutex);
  cpc_rwlock_init (&rw);
  long nb = (total + batch - 1) / batch;
  for (long b = 0; b < nb; b++)
    {
      long base = b * batch;
      long n = total - base < batch ? total - base : batch;
      long before = finished;
      long half = n / 2;
      for (long k = 0; k < half; k++)
	cpc_spawn (worker, (void *) (intptr_t) k);
      cpc_main_loop ();
      for (long k = half; k < n; k += 2)
	{
	  int steps[2] = { 3, 2 };
	  cpc_coroutine *c0 = cpc_create (manual, &steps[0]);
	  cpc_coroutine *c1 = k + 1 < n ? cpc_create (manual, &steps[1]) : NULL;
	  while (steps[0] > 0 || (c1 && steps[1] > 0))
	    {
	      if (steps[0] > 0)
		cpc_enter (c0);
	      if (c1 && steps[1] > 0)
		cpc_enter (c1);
	    }
	}
      if (finished - before != n)
	{
	  fprintf (stderr, "soak: batch %ld: %ld of %ld coroutines finished\n",
		   b, finished - before, n);
	  return 1;
	}
      long r = rss_kib ();
      long warm = nb / 10 > 2 ? nb / 10 : 2;
      if (b == warm - 1 || nb < warm)
	first = r;
      if (r > peak)
	peak = r;
      last = r;
      if (b == 0 || (b + 1) % (nb / 10 ? nb / 10 : 1) == 0)
	printf ("soak: %ld coroutines, RSS %ld KiB\n", base + n, r);
    }
  printf ("soak: %ld coroutines created, suspended and finished; RSS after "
	  "warm-up %ld KiB, peak %ld KiB, last %ld KiB\n", finished, first, peak, last);
  if (last > first + first / 10 + 2048)
    {
      printf ("soak: FAIL: memory grows\n");
      return 1;
    }
  printf ("soak: PASS: flat memory\n");
  return 0;
}
