/* The echo server of examples/echo-server.c, the same logic on stackful
   coroutines: QEMU's ucontext scheme (uctx.c) with 64 KiB stacks, and a
   scheduler like libcpc's (a FIFO run queue; epoll with EPOLLONESHOT,
   re-armed by every wait).  Usage: bench-echo-uc [-p PORT] [-f PORT_FILE]

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#define SCHEME_QEMU 1
#define STACK_SIZE (64 * 1024)
#define UCTX_NO_WORKLOADS 1
#include "uctx.c"
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_FDS 65536

struct task { struct co *co; struct task *next; };
static struct task *runq_head, *runq_tail, *cur;
static struct task *waiter_in[MAX_FDS], *waiter_out[MAX_FDS];
static unsigned char armed[MAX_FDS];
static int epfd;

static void
wake (struct task *t)
{
  t->next = NULL;
  if (runq_tail)
    runq_tail->next = t;
  else
    runq_head = t;
  runq_tail = t;
}

static void
spawn (void (*fn) (void *), void *arg)
{
  struct task *t = malloc (sizeof *t);
  t->co = co_create (fn, arg);
  wake (t);
}

static void
io_wait (int fd, int events)
{
  struct epoll_event ev = { .events = EPOLLONESHOT, .data.fd = fd };
  if (events & EPOLLIN)
    waiter_in[fd] = cur;
  if (events & EPOLLOUT)
    waiter_out[fd] = cur;
  if (waiter_in[fd])
    ev.events |= EPOLLIN;
  if (waiter_out[fd])
    ev.events |= EPOLLOUT;
  if (epoll_ctl (epfd, armed[fd] ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) < 0)
    die ("epoll_ctl");
  armed[fd] = 1;
  co_yield ();
}

static void
io_forget (int fd)
{
  if (armed[fd])
    epoll_ctl (epfd, EPOLL_CTL_DEL, fd, NULL);
  armed[fd] = 0;
  waiter_in[fd] = waiter_out[fd] = NULL;
}

static void
main_loop (void)
{
  struct epoll_event ev[128];
  for (;;)
    {
      /* Run what is runnable now (each once), then poll.  */
      struct task *t = runq_head, *end = runq_tail;
      while (t)
	{
	  runq_head = t->next;
	  if (!runq_head)
	    runq_tail = NULL;
	  cur = t;
	  if (co_enter (t->co))
	    free (t);
	  if (t == end)
	    break;
	  t = runq_head;
	}
      int n = epoll_wait (epfd, ev, 128, runq_head ? 0 : -1);
      if (n < 0 && errno != EINTR)
	die ("epoll_wait");
      for (int i = 0; i < n; i++)
	{
	  int fd = ev[i].data.fd;
	  uint32_t e = ev[i].events;
	  struct task *a = NULL, *b = NULL;
	  if (waiter_in[fd] && (e & (EPOLLIN | EPOLLERR | EPOLLHUP)))
	    a = waiter_in[fd], waiter_in[fd] = NULL;
	  if (waiter_out[fd] && (e & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
	    b = waiter_out[fd], waiter_out[fd] = NULL;
	  if (a)
	    wake (a);
	  if (b && b != a)
	    wake (b);
	}
    }
}

/* examples/net.h, stackful.  */
static ssize_t
net_read (int fd, void *buf, size_t len)
{
  for (;;)
    {
      ssize_t n = read (fd, buf, len);
      if (n >= 0)
	return n;
      if (errno == EINTR)
	continue;
      if (errno != EAGAIN)
	return -errno;
      io_wait (fd, EPOLLIN);
    }
}

static ssize_t
net_write_all (int fd, const void *buf, size_t len)
{
  size_t done = 0;
  while (done < len)
    {
      ssize_t n = write (fd, (const char *) buf + done, len - done);
      if (n >= 0)
	done += n;
      else if (errno == EINTR)
	continue;
      else if (errno != EAGAIN)
	return -errno;
      else
	io_wait (fd, EPOLLOUT);
    }
  return done;
}

struct echo_server { int lfd; long accepted, closed, bytes; };
struct echo_conn { struct echo_server *srv; int fd; };

static void
echo_connection (void *opaque)
{
  struct echo_conn *c = opaque;
  char buf[16384];
  for (;;)
    {
      ssize_t n = net_read (c->fd, buf, sizeof buf);
      if (n <= 0)
	break;
      if (net_write_all (c->fd, buf, n) < 0)
	break;
      c->srv->bytes += n;
    }
  io_forget (c->fd);
  close (c->fd);
  c->srv->closed++;
  free (c);
}

static void
echo_listener (void *opaque)
{
  struct echo_server *srv = opaque;
  for (;;)
    {
      int fd = accept4 (srv->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0)
	{
	  if (errno == EAGAIN)
	    io_wait (srv->lfd, EPOLLIN);
	  else if (errno != EINTR && errno != ECONNABORTED)
	    die ("accept");
	  continue;
	}
      if (fd >= MAX_FDS)
	die ("too many fds");
      int one = 1;
      setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      struct echo_conn *c = malloc (sizeof *c);
      c->srv = srv;
      c->fd = fd;
      srv->accepted++;
      spawn (echo_connection, c);
    }
}

int
main (int argc, char **argv)
{
  unsigned short port = 0;
  const char *port_file = NULL;
  int opt;
  while ((opt = getopt (argc, argv, "p:f:")) != -1)
    switch (opt)
      {
      case 'p': port = (unsigned short) atoi (optarg); break;
      case 'f': port_file = optarg; break;
      default: return 2;
      }
  struct rlimit r;
  if (getrlimit (RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max)
    {
      r.rlim_cur = r.rlim_max;
      setrlimit (RLIMIT_NOFILE, &r);
    }
  epfd = epoll_create1 (EPOLL_CLOEXEC);
  struct echo_server srv = { 0 };
  srv.lfd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt (srv.lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (bind (srv.lfd, (struct sockaddr *) &a, sizeof a) < 0
      || listen (srv.lfd, 4096) < 0
      || getsockname (srv.lfd, (struct sockaddr *) &a, &len) < 0)
    die ("listen");
  port = ntohs (a.sin_port);
  if (port_file)
    {
      char tmp[4096];
      snprintf (tmp, sizeof tmp, "%s.tmp", port_file);
      FILE *f = fopen (tmp, "w");
      if (!f || fprintf (f, "%u\n", port) < 0 || fclose (f) != 0
	  || rename (tmp, port_file) != 0)
	die ("port file");
    }
  spawn (echo_listener, &srv);
  main_loop ();
  return 0;
}
