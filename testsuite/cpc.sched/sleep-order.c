/* Sleeps until 30, 10 and 20 ms after a common start, begun in that
   order, wake in the order 10, 20, 30 (each sleeper sleeps what remains of
   its time since the common start, so that the order holds however long
   spawning them took); a timer fires although another coroutine keeps
   yielding; sleep 0 behaves.  The common start is when the first sleeper
   runs, not before the spawns: under qemu-user on a loaded machine the
   first run (translating the code) took over 30 ms once, all three
   deadlines had passed, and the sleepers woke in spawn order.  */
#include "sched-test.h"

static int yields_done;
static int woke;
static uint64_t start;

coroutine_fn static void
sleeper (void *opaque)
{
  int ms = (int) (long) opaque;
  if (!start)
    start = cpc_now_ns ();
  uint64_t deadline = start + (uint64_t) ms * 1000000;
  cpc_sleep_ns (ns_until (deadline));
  CHECK (cpc_now_ns () >= deadline);
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
  start = 0;
  cpc_spawn (sleeper, (void *) 30L);
  cpc_spawn (sleeper, (void *) 10L);
  cpc_spawn (sleeper, (void *) 20L);
  cpc_main_loop ();
  CHECK_TRACE ("10 20 30");

  woke = 0;
  start = 0;
  cpc_spawn (sleeper, (void *) 30L);
  cpc_spawn (sleeper, (void *) 10L);
  cpc_spawn (sleeper, (void *) 20L);
  cpc_spawn (spinner, 0);
  cpc_main_loop ();
  CHECK_TRACE ("10 20 30");
  CHECK (yields_done);

  cpc_spawn (zero, 0);
  cpc_main_loop ();
  CHECK_TRACE ("z z'");
  return 0;
}
