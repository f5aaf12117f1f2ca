/* An fd closed while a coroutine waits on it, without cpc_io_cancel: the
   waiter gets -EBADF (epoll forgets closed fds silently; the scheduler
   looks for them) instead of hanging -- also when the fd number was
   reused for another file meanwhile.  Other waiters are unaffected.  */
#include "sched-test.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int closed_pipe[2], reused_pipe[2], other_pipe[2];
static int reused_fd;

coroutine_fn static void
wait_closed (void *opaque)
{
  (void) opaque;
  int r = cpc_io_wait (closed_pipe[0], CPC_IO_IN);
  CHECK (r == -EBADF);
  trace ("closed");
}

coroutine_fn static void
wait_reused (void *opaque)
{
  (void) opaque;
  int r = cpc_io_wait (reused_pipe[0], CPC_IO_IN);
  CHECK (r == -EBADF);
  trace ("reused");
}

coroutine_fn static void
wait_other (void *opaque)
{
  (void) opaque;
  char c;
  int r = cpc_io_wait (other_pipe[0], CPC_IO_IN);
  CHECK (r == CPC_IO_IN);
  CHECK (read (other_pipe[0], &c, 1) == 1 && c == 'x');
  trace ("other");
}

coroutine_fn static void
closer (void *opaque)
{
  (void) opaque;
  cpc_sleep_ns (2000000);
  /* Close, then make the same fd number name another file (the lowest
     free number, so before the other close).  */
  int fd = reused_pipe[0], fresh[2];
  close (fd);
  CHECK (pipe (fresh) == 0);
  reused_fd = fresh[0];
  CHECK (reused_fd == fd);
  close (fresh[1]);
  close (closed_pipe[0]);
  cpc_sleep_ns (2000000);
  CHECK (write (other_pipe[1], "x", 1) == 1);
}

int
main (void)
{
  CHECK (pipe2 (closed_pipe, O_NONBLOCK) == 0);
  CHECK (pipe2 (reused_pipe, O_NONBLOCK) == 0);
  CHECK (pipe2 (other_pipe, O_NONBLOCK) == 0);
  uint64_t start = cpc_now_ns ();
  cpc_spawn (wait_closed, 0);
  cpc_spawn (wait_reused, 0);
  cpc_spawn (wait_other, 0);
  cpc_spawn (closer, 0);
  cpc_main_loop ();
  /* The other waiter is served first; the closed ones within the
     scheduler's check period (100 ms) plus slack for a loaded machine.  */
  CHECK (strstr (trace_buf, "closed") && strstr (trace_buf, "reused")
	 && strstr (trace_buf, "other"));
  CHECK (cpc_now_ns () - start < 5000000000ull);
  close (reused_fd);
  close (closed_pipe[1]);
  close (reused_pipe[1]);
  close (other_pipe[0]);
  close (other_pipe[1]);
  return 0;
}
