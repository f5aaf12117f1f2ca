/* cpc_io_wait on pipes: blocking until data, both directions, the
   defined errors, a regular file, cancel, hang-up.  */
#include "sched-test.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int p[2];

coroutine_fn static void
reader (void *opaque)
{
  (void) opaque;
  char buf[16];
  for (int i = 0; i < 3; i++)
    {
      trace ("rw");
      int r = cpc_io_wait (p[0], CPC_IO_IN);
      CHECK (r == CPC_IO_IN);
      ssize_t n = read (p[0], buf, sizeof buf);
      CHECK (n == 1 && buf[0] == 'a' + i);
      trace ("r%c", buf[0]);
    }
  trace ("rw");
  int r = cpc_io_wait (p[0], CPC_IO_IN);	/* writer closed: hang-up */
  CHECK ((r & CPC_IO_IN) && (r & CPC_IO_HUP));
  CHECK (read (p[0], buf, sizeof buf) == 0);
  trace ("reof");
}

coroutine_fn static void
writer (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < 3; i++)
    {
      cpc_sleep_ns (1000000);
      int r = cpc_io_wait (p[1], CPC_IO_OUT);	/* empty pipe: ready */
      CHECK (r == CPC_IO_OUT);
      char c = 'a' + i;
      CHECK (write (p[1], &c, 1) == 1);
      trace ("w%c", c);
    }
  cpc_sleep_ns (1000000);
  close (p[1]);
  trace ("wclose");
}

/* Fill a pipe, then wait for room while a reader drains it.  */
static int q[2];
static long filled;

coroutine_fn static void
filler (void *opaque)
{
  (void) opaque;
  char blk[4096] = { 0 };
  for (;;)
    {
      ssize_t n = write (q[1], blk, sizeof blk);
      if (n < 0)
	{
	  CHECK (errno == EAGAIN);
	  break;
	}
      filled += n;
    }
  trace ("full");
  int r = cpc_io_wait (q[1], CPC_IO_OUT);
  CHECK (r == CPC_IO_OUT);
  trace ("room");
}

coroutine_fn static void
drainer (void *opaque)
{
  (void) opaque;
  char blk[65536];
  cpc_yield ();				/* after the filler blocked */
  trace ("drain");
  long total = 0;
  while (total < filled)
    {
      ssize_t n = read (q[0], blk, sizeof blk);
      CHECK (n > 0);
      total += n;
    }
}

coroutine_fn static void
errors (void *opaque)
{
  (void) opaque;
  int fd = dup (0);
  CHECK (fd >= 0);
  close (fd);
  CHECK (cpc_io_wait (fd, CPC_IO_IN) == -EBADF);
  CHECK (cpc_io_wait (-1, CPC_IO_IN) == -EBADF);
  CHECK (cpc_io_wait (p[0], 0) == -EINVAL);
  CHECK (cpc_io_wait (p[0], 0x100) == -EINVAL);
  /* A regular file is always ready.  */
  char tmpl[] = "/tmp/cpc-io-XXXXXX";
  int f = mkstemp (tmpl);
  CHECK (f >= 0);
  unlink (tmpl);
  CHECK (cpc_io_wait (f, CPC_IO_IN | CPC_IO_OUT) == (CPC_IO_IN | CPC_IO_OUT));
  close (f);
  trace ("errors");
}

static int cancelled;

coroutine_fn static void
cancellee (void *opaque)
{
  (void) opaque;
  CHECK (cpc_io_wait (p[0], CPC_IO_IN) == -ECANCELED);
  cancelled = 1;
}

coroutine_fn static void
canceller (void *opaque)
{
  (void) opaque;
  cpc_sleep_ns (1000000);
  cpc_io_cancel (p[0]);
  close (p[0]);
  close (p[1]);
}

int
main (void)
{
  CHECK (pipe2 (p, O_NONBLOCK) == 0);
  cpc_spawn (reader, 0);
  cpc_spawn (writer, 0);
  cpc_main_loop ();
  CHECK_TRACE ("rw wa ra rw wb rb rw wc rc rw wclose reof");
  close (p[0]);

  CHECK (pipe2 (q, O_NONBLOCK) == 0);
  cpc_spawn (filler, 0);
  cpc_spawn (drainer, 0);
  cpc_main_loop ();
  CHECK_TRACE ("full drain room");
  CHECK (filled > 0);
  close (q[0]);
  close (q[1]);

  CHECK (pipe2 (p, O_NONBLOCK) == 0);
  cpc_spawn (errors, 0);
  cpc_main_loop ();
  CHECK_TRACE ("errors");

  /* The same fd numbers again (closed and reused): still works.  */
  cpc_spawn (cancellee, 0);
  cpc_spawn (canceller, 0);
  cpc_main_loop ();
  CHECK (cancelled);
  CHECK (pipe2 (p, O_NONBLOCK) == 0);
  cpc_spawn (reader, 0);
  cpc_spawn (writer, 0);
  cpc_main_loop ();
  CHECK_TRACE ("rw wa ra rw wb rb rw wc rc rw wclose reof");
  close (p[0]);
  return 0;
}
