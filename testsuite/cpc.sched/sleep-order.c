/* Sleeps of 3, 1 and 2 ms wake in the order 1, 2, 3; a timer fires
   although another coroutine keeps yielding; sleep 0 behaves.  */
#include "sched-test.h"

static int yields_done;
static int woke;

coroutine_fn static void
sleeper (void *opaque)
{
  int ms = (int) (long) opaque;
  uint64_t t0 = cpc_now_ns ();
  cpc_sleep_ns ((uint64_t) ms * 1000000);
  CHECK (cpc_now_ns () - t0 >= (uint64_t) ms * 1000000);
  trace ("%d", ms);
  woke++;
}

coroutine_fn static void
spinner (void *opaque)
{
  (void) opaque;
  long n = 0;
  while (woke < 3)
    {
      cpc_yield ();
      CHECK (++n < 100000000L);		/* the timers must fire */
    }
  yields_done = 1;
}

coroutine_fn static void
zero (void *opaque)
{
  (void) opaque;
  trace ("z");
  cpc_sleep_ns (0);
  trace ("z'");
}

int
main (void)
{
  cpc_spawn (sleeper, (void *) 3L);
  cpc_spawn (sleeper, (void *) 1L);
  cpc_spawn (sleeper, (void *) 2L);
  cpc_main_loop ();
  CHECK_TRACE ("1 2 3");

  woke = 0;
  cpc_spawn (sleeper, (void *) 3L);
  cpc_spawn (sleeper, (void *) 1L);
  cpc_spawn (sleeper, (void *) 2L);
  cpc_spawn (spinner, 0);
  cpc_main_loop ();
  CHECK_TRACE ("1 2 3");
  CHECK (yields_done);

  cpc_spawn (zero, 0);
  cpc_main_loop ();
  CHECK_TRACE ("z z'");
  return 0;
}
