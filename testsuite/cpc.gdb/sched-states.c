/* info cpc with the scheduler: coroutines that are runnable, sleeping and
   waiting on a cond are listed with their state and where they wait.  */
/* { dg-do run } */
#include "gdb-common.h"

static cpc_cond cond;
static int woken;

coroutine_fn static void
waiter (void *opaque)
{
  cpc_cond_wait (&cond);
  woken++;
}

coroutine_fn static void
sleeper (void *opaque)
{
  cpc_sleep_ns (1000);
  woken++;
}

coroutine_fn static void
signaller (void *opaque)
{
  cpc_yield ();
  use_int (woken);			/* { dg-final { gdb-test-cmd . "info cpc" "running +signaller +signaller at \[^\n\]*sched-states.c:2\[67\]" } } */
  /* { dg-final { gdb-test-cmd 26 "info cpc" "waiting on cond 0x\[0-9a-f\]+ +waiter +cpc_cond_wait at \[^\n\]*, from waiter at \[^\n\]*sched-states.c:12" } } */
  /* { dg-final { gdb-test-cmd 26 "info cpc" "sleeping +sleeper +cpc_sleep_ns at \[^\n\]*, from sleeper at \[^\n\]*sched-states.c:19" } } */
  cpc_cond_signal (&cond);
}

int
main (void)
{
  cpc_cond_init (&cond);
  cpc_spawn (waiter, 0);
  cpc_spawn (sleeper, 0);
  cpc_spawn (signaller, 0);
  cpc_main_loop ();
  if (woken != 2)
    abort ();
  return 0;
}
