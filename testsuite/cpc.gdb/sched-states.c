/* info cpc with the scheduler: coroutines that are runnable, sleeping and
   waiting on a cond are listed with their state and where they wait; one
   not started yet (created, or spawned and not run) with its entry
   function, which waits in the inline chunk until the first run.  */
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
  cpc_sleep_ns (200000000);	/* outlasts the check at line 36 */
  woken++;
}

coroutine_fn static void
idler (void *opaque)
{
  woken += 10;
}

coroutine_fn static void
signaller (void *opaque)
{
  cpc_yield ();
  cpc_spawn (idler, 0);
  use_int (woken);			/* { dg-final { gdb-test-cmd . "info cpc" "running +signaller +signaller at \[^\n\]*sched-states.c:3\[67\]" } } */
  /* { dg-final { gdb-test-cmd 36 "info cpc" "waiting on cond 0x\[0-9a-f\]+ +waiter +cpc_cond_wait at \[^\n\]*, from waiter at \[^\n\]*sched-states.c:14" } } */
  /* { dg-final { gdb-test-cmd 36 "info cpc" "sleeping +sleeper +cpc_sleep_ns at \[^\n\]*, from sleeper at \[^\n\]*sched-states.c:21" } } */
  /* { dg-final { gdb-test-cmd 36 "info cpc" "runnable +idler +\\(not started\\)" } } */
  /* { dg-final { gdb-test-cmd 36 "info cpc" "new +idler +\\(not started\\)" } } */
  cpc_cond_signal (&cond);
}

int
main (void)
{
  cpc_cond_init (&cond);
  cpc_coroutine *created = cpc_create (idler, 0);
  cpc_spawn (waiter, 0);
  cpc_spawn (sleeper, 0);
  cpc_spawn (signaller, 0);
  cpc_main_loop ();
  cpc_enter (created);
  if (woken != 22)
    abort ();
  return 0;
}
