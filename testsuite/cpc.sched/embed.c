/* Driving cpc from a foreign poll(2) loop: cpc_sched_fd, the timeout,
   cpc_sched_dispatch.  Timers, I/O and runnable coroutines all progress
   and the foreign loop never spins: it blocks while cpc has nothing.  */
#include "sched-test.h"
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

/* The sleeper's 100 ms must outlast the three yields, and leave the loop
   a timeout to block on, even when the programs run slowly (qemu-user on
   a loaded machine).  */
#define SLEEP_MS 100

static int p[2];
static int got;

coroutine_fn static void
sleeper (void *opaque)
{
  (void) opaque;
  cpc_sleep_ns (SLEEP_MS * 1000000ull);
  trace ("slept");
  char c = 'x';
  CHECK (write (p[1], &c, 1) == 1);
}

coroutine_fn static void
reader (void *opaque)
{
  (void) opaque;
  char c;
  trace ("wait");
  CHECK (cpc_io_wait (p[0], CPC_IO_IN) == CPC_IO_IN);
  CHECK (read (p[0], &c, 1) == 1 && c == 'x');
  trace ("read");
  got = 1;
}

coroutine_fn static void
yielder (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < 3; i++)
    {
      trace ("y%d", i);
      cpc_yield ();
    }
}

int
main (void)
{
  CHECK (pipe2 (p, O_NONBLOCK) == 0);
  CHECK (cpc_sched_deadline_ns () == -1);
  CHECK (cpc_sched_timeout_ms () == -1);
  cpc_spawn (reader, 0);
  cpc_spawn (sleeper, 0);
  cpc_spawn (yielder, 0);
  CHECK (cpc_sched_timeout_ms () == 0);		/* runnable */
  int fd = cpc_sched_fd ();
  int iterations = 0, blocked = 0;
  while (cpc_sched_pending ())
    {
      CHECK (++iterations < 1000);
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      int timeout = cpc_sched_timeout_ms ();
      CHECK (timeout >= -1 && timeout <= SLEEP_MS);
      if (timeout == -1)
	CHECK (!got);		/* only the reader waits, on I/O */
      if (timeout > 0)
	blocked++;
      CHECK (poll (&pfd, 1, timeout) >= 0);
      cpc_sched_dispatch ();
    }
  CHECK (got);
  CHECK (blocked >= 1);
  CHECK_TRACE ("wait y0 y1 y2 slept read");
  close (p[0]);
  close (p[1]);
  return 0;
}
