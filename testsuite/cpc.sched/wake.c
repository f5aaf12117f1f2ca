/* cpc_wake: of a new coroutine (starts it), a suspended one, a sleeping
   one (cuts the sleep short), a runnable one (nothing); plain cpc_enter
   and the scheduler mixed; cpc_sched_ref keeps the loop alive.  */
#include "sched-test.h"

static cpc_coroutine *sleeper_co, *susp_co;

coroutine_fn static void
sleeper (void *opaque)
{
  (void) opaque;
  uint64_t t0 = cpc_now_ns ();
  trace ("zz");
  cpc_sleep_ns (60ull * 1000000000);	/* a minute: woken early */
  CHECK (cpc_now_ns () - t0 < 30ull * 1000000000);
  trace ("up");
}

coroutine_fn static void
suspender (void *opaque)
{
  (void) opaque;
  trace ("s1");
  cpc_suspend ();
  trace ("s2");
  cpc_suspend ();
  trace ("s3");
}

coroutine_fn static void
waker (void *opaque)
{
  (void) opaque;
  trace ("k");
  cpc_wake (sleeper_co);
  cpc_wake (susp_co);
  cpc_wake (susp_co);			/* already runnable: nothing */
  trace ("k'");
}

int
main (void)
{
  sleeper_co = cpc_spawn (sleeper, 0);
  susp_co = cpc_create (suspender, 0);
  cpc_wake (susp_co);			/* new: starts it */
  cpc_spawn (waker, 0);
  cpc_main_loop ();
  /* susp_co waits for a wake that nobody sends: the loop returned.  */
  CHECK_TRACE ("zz s1 k k' up s2");

  /* A suspended coroutine may be entered by hand, too.  */
  cpc_enter (susp_co);
  CHECK_TRACE ("s3");

  /* Created and entered by hand, then yielding: the scheduler takes it.  */
  susp_co = cpc_create (suspender, 0);
  cpc_enter (susp_co);
  CHECK_TRACE ("s1");
  cpc_sched_ref ();
  CHECK (cpc_sched_pending ());
  cpc_sched_unref ();
  CHECK (!cpc_sched_pending ());
  cpc_wake (susp_co);
  cpc_main_loop ();
  CHECK_TRACE ("s2");
  cpc_enter (susp_co);
  CHECK_TRACE ("s3");
  return 0;
}
