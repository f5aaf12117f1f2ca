/* Small coroutine_fn helpers for the network examples: non-blocking
   sockets on 127.0.0.1, reads and writes that wait with cpc_io_wait.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_EXAMPLES_NET_H
#define CPC_EXAMPLES_NET_H

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cpc.h>

/* A listening socket on 127.0.0.1:PORT (0: any free port); stores the
   port in *BOUND.  Returns the fd or -errno.  */
static inline __attribute__ ((unused)) int
net_listen (unsigned short port, unsigned short *bound, int backlog)
{
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  int one = 1;
  setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (bind (fd, (struct sockaddr *) &a, sizeof a) < 0
      || listen (fd, backlog) < 0
      || getsockname (fd, (struct sockaddr *) &a, &len) < 0)
    {
      int e = errno;
      close (fd);
      return -e;
    }
  *bound = ntohs (a.sin_port);
  return fd;
}

/* Raise the open-file limit to its hard limit (many connections).  */
static inline __attribute__ ((unused)) void
net_raise_nofile (void)
{
  struct rlimit r;
  if (getrlimit (RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max)
    {
      r.rlim_cur = r.rlim_max;
      setrlimit (RLIMIT_NOFILE, &r);
    }
}

/* Accept a connection (non-blocking); the fd or -errno.  */
coroutine_fn static inline __attribute__ ((unused)) int
net_accept (int lfd)
{
  for (;;)
    {
      int c = accept4 (lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (c >= 0)
	return c;
      if (errno == EINTR || errno == ECONNABORTED)
	continue;
      if (errno != EAGAIN)
	return -errno;
      int r = cpc_io_wait (lfd, CPC_IO_IN);
      if (r < 0)
	return r;
    }
}

/* Connect to 127.0.0.1:PORT; the fd or -errno.  */
coroutine_fn static inline __attribute__ ((unused)) int
net_connect (unsigned short port)
{
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &a, sizeof a) < 0)
    {
      if (errno != EINPROGRESS)
	{
	  int e = errno;
	  close (fd);
	  return -e;
	}
      int r = cpc_io_wait (fd, CPC_IO_OUT);
      int err = 0;
      socklen_t len = sizeof err;
      if (r < 0)
	err = -r;
      else if (getsockopt (fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
	err = errno;
      if (err)
	{
	  close (fd);
	  return -err;
	}
    }
  return fd;
}

/* Read at most LEN bytes, waiting at most TIMEOUT_NS (0: forever).
   Bytes read (0 at end of file) or -errno (-ETIMEDOUT).  */
coroutine_fn static inline __attribute__ ((unused)) ssize_t
net_read (int fd, void *buf, size_t len, uint64_t timeout_ns)
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
      int r = timeout_ns ? cpc_io_wait_timeout (fd, CPC_IO_IN, timeout_ns)
			 : cpc_io_wait (fd, CPC_IO_IN);
      if (r < 0)
	return r;
    }
}

/* Write all LEN bytes; 0 or -errno.  */
coroutine_fn static inline __attribute__ ((unused)) int
net_write_all (int fd, const void *buf, size_t len, uint64_t timeout_ns)
{
  const char *p = buf;
  while (len > 0)
    {
      ssize_t n = send (fd, p, len, MSG_NOSIGNAL);
      if (n >= 0)
	{
	  p += n;
	  len -= n;
	  continue;
	}
      if (errno == EINTR)
	continue;
      if (errno != EAGAIN)
	return -errno;
      int r = timeout_ns ? cpc_io_wait_timeout (fd, CPC_IO_OUT, timeout_ns)
			 : cpc_io_wait (fd, CPC_IO_OUT);
      if (r < 0)
	return r;
    }
  return 0;
}

#endif
