/* cpc_io_wait on sockets: a socketpair with one reader and one writer
   coroutine on the same fd, and a loopback TCP connection.  */
#include "sched-test.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define N 20000			/* bytes each way */

static int sv[2];

static void
nonblock (int fd)
{
  CHECK (fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) | O_NONBLOCK) == 0);
}

coroutine_fn static void
send_all (int fd, const unsigned char *buf, size_t len)
{
  size_t off = 0;
  while (off < len)
    {
      ssize_t n = send (fd, buf + off, len - off, MSG_NOSIGNAL);
      if (n < 0)
	{
	  CHECK (errno == EAGAIN);
	  CHECK (cpc_io_wait (fd, CPC_IO_OUT) & CPC_IO_OUT);
	  continue;
	}
      off += n;
    }
}

coroutine_fn static size_t
recv_all (int fd, unsigned char *buf, size_t len)
{
  size_t off = 0;
  while (off < len)
    {
      ssize_t n = recv (fd, buf + off, len - off, 0);
      if (n == 0)
	break;
      if (n < 0)
	{
	  CHECK (errno == EAGAIN);
	  CHECK (cpc_io_wait (fd, CPC_IO_IN) & CPC_IO_IN);
	  continue;
	}
      off += n;
    }
  return off;
}

struct dir { int fd; int seed; };

coroutine_fn static void
sender (void *opaque)
{
  struct dir *d = opaque;
  static unsigned char buf[2][N];
  unsigned char *b = buf[d->seed & 1];
  for (int i = 0; i < N; i++)
    b[i] = (unsigned char) (i * 7 + d->seed);
  send_all (d->fd, b, N);
  trace ("sent%d", d->seed);
}

coroutine_fn static void
receiver (void *opaque)
{
  struct dir *d = opaque;
  static unsigned char buf[2][N];
  unsigned char *b = buf[d->seed & 1];
  CHECK (recv_all (d->fd, b, N) == N);
  for (int i = 0; i < N; i++)
    CHECK (b[i] == (unsigned char) (i * 7 + d->seed));
  trace ("got%d", d->seed);
}

/* Loopback TCP: accept one connection, echo until EOF.  */
static int lfd;
static unsigned short port;

coroutine_fn static void
server (void *opaque)
{
  (void) opaque;
  int c;
  while ((c = accept4 (lfd, NULL, NULL, SOCK_NONBLOCK)) < 0)
    {
      CHECK (errno == EAGAIN);
      CHECK (cpc_io_wait (lfd, CPC_IO_IN) == CPC_IO_IN);
    }
  unsigned char buf[1000];
  long total = 0;
  for (;;)
    {
      ssize_t n = recv (c, buf, sizeof buf, 0);
      if (n == 0)
	break;
      if (n < 0)
	{
	  CHECK (errno == EAGAIN);
	  cpc_io_wait (c, CPC_IO_IN);
	  continue;
	}
      send_all (c, buf, n);
      total += n;
    }
  CHECK (total == N);
  close (c);
  trace ("server");
}

coroutine_fn static void
client (void *opaque)
{
  (void) opaque;
  int c = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  CHECK (c >= 0);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (c, (struct sockaddr *) &a, sizeof a) < 0)
    {
      CHECK (errno == EINPROGRESS);
      CHECK (cpc_io_wait (c, CPC_IO_OUT) == CPC_IO_OUT);
      int err;
      socklen_t len = sizeof err;
      CHECK (getsockopt (c, SOL_SOCKET, SO_ERROR, &err, &len) == 0);
      CHECK (err == 0);
    }
  static unsigned char out[N], in[N];
  for (int i = 0; i < N; i++)
    out[i] = (unsigned char) (i ^ (i >> 8));
  /* Send in pieces, reading the echo as it comes.  */
  size_t got = 0;
  for (int off = 0; off < N; off += 1000)
    {
      send_all (c, out + off, 1000);
      got += recv_all (c, in + got, off + 1000 - got);
    }
  shutdown (c, SHUT_WR);
  CHECK (got == N && memcmp (in, out, N) == 0);
  close (c);
  trace ("client");
}

int
main (void)
{
  CHECK (socketpair (AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  nonblock (sv[0]);
  nonblock (sv[1]);
  /* On sv[0] a reader and a writer coroutine wait at the same time.  */
  struct dir d[] = { { sv[0], 0 }, { sv[1], 1 }, { sv[1], 0 }, { sv[0], 1 } };
  cpc_spawn (sender, &d[0]);
  cpc_spawn (sender, &d[1]);
  cpc_spawn (receiver, &d[2]);
  cpc_spawn (receiver, &d[3]);
  cpc_main_loop ();
  CHECK (strstr (trace_buf, "got0") && strstr (trace_buf, "got1")
	 && strstr (trace_buf, "sent0") && strstr (trace_buf, "sent1"));
  trace_len = 0;
  close (sv[0]);
  close (sv[1]);

  lfd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  CHECK (lfd >= 0);
  struct sockaddr_in a = { .sin_family = AF_INET };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  CHECK (bind (lfd, (struct sockaddr *) &a, sizeof a) == 0);
  socklen_t len = sizeof a;
  CHECK (getsockname (lfd, (struct sockaddr *) &a, &len) == 0);
  port = ntohs (a.sin_port);
  CHECK (listen (lfd, 16) == 0);
  cpc_spawn (server, 0);
  cpc_spawn (client, 0);
  cpc_main_loop ();
  CHECK (strstr (trace_buf, "server") && strstr (trace_buf, "client"));
  close (lfd);
  return 0;
}
