/* Helpers of the cpc.sched tests: CHECK aborts with the failing line; a
   trace buffer records interleavings and is compared exactly.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef SCHED_TEST_H
#define SCHED_TEST_H

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cpc.h>

#define CHECK(c)							\
  do {									\
    if (!(c))								\
      {									\
	fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,	\
		 #c);							\
	abort ();							\
      }									\
  } while (0)

static char trace_buf[8192];
static size_t trace_len;

static inline __attribute__ ((unused)) void
trace (const char *fmt, ...)
{
  __builtin_va_list ap;
  __builtin_va_start (ap, fmt);
  if (trace_len)
    trace_buf[trace_len++] = ' ';
  trace_len += vsnprintf (trace_buf + trace_len,
			  sizeof trace_buf - trace_len, fmt, ap);
  __builtin_va_end (ap);
  if (trace_len >= sizeof trace_buf - 64)
    abort ();
}

#define CHECK_TRACE(expected)						\
  do {									\
    if (strcmp (trace_buf, (expected)) != 0)				\
      {									\
	fprintf (stderr, "%s:%d: trace\n  got:      %s\n  expected: %s\n",	\
		 __FILE__, __LINE__, trace_buf, (expected));		\
	abort ();							\
      }									\
    trace_len = 0;							\
    trace_buf[0] = 0;							\
  } while (0)

/* The time from now to DEADLINE (cpc_now_ns's clock), 0 if it has
   passed.  Tests that start several sleeps "at once" sleep until deadlines
   counted from one common start: the deadlines' order then does not depend
   on how long starting the sleeps took (milliseconds under qemu-user on a
   loaded machine).  */
static inline __attribute__ ((unused)) uint64_t
ns_until (uint64_t deadline)
{
  uint64_t now = cpc_now_ns ();
  return deadline > now ? deadline - now : 0;
}

#endif
