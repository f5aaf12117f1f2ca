/* An entry function suspends in the main thread and another thread
   resumes it (the coroutine migrates); step-suspend.exp "next"s across
   the suspension and off the coroutine's end.
   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <pthread.h>
#include <stdio.h>
#include <cpc.h>

static int value;

coroutine_fn static void
body (void *opaque)
{
  int local = 41;
  cpc_suspend ();
  local++;
  value = local;
}

static void *
other (void *co)
{
  cpc_enter (co);
  return NULL;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  cpc_enter (co);
  pthread_t t;
  if (pthread_create (&t, NULL, other, co) != 0)
    return 2;
  pthread_join (t, NULL);
  printf ("%d\n", value);
  return value != 42;
}
