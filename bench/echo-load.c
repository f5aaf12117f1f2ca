/* Load generator for the echo-server rows: starts the server given (with
   -p 0 -f PORT_FILE), opens CONNS connections to it, keeps one SIZE-byte
   request in flight on each (send, read the whole echo back, check it,
   send again) and prints completed requests per second over SECONDS,
   after a warm-up.  Plain C and epoll, so both servers face the same
   client.  The client runs on CPU 0 and the server on the last CPU.
     bench-echo-client --server PROG [--conns 1000] [--seconds 3] [--size 64]

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t server = -1;

static void __attribute__ ((noreturn))
fail (const char *m)
{
  perror (m);
  if (server > 0)
    kill (server, SIGKILL);
  exit (1);
}

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void
pin (int cpu)
{
  cpu_set_t s;
  CPU_ZERO (&s);
  CPU_SET (cpu, &s);
  sched_setaffinity (0, sizeof s, &s);
}

struct conn { int fd; int got; };

int
main (int argc, char **argv)
{
  const char *prog = NULL;
  int conns = 1000, size = 64;
  double seconds = 3;
  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (!strcmp (argv[i], "--server"))
	prog = argv[i + 1];
      else if (!strcmp (argv[i], "--conns"))
	conns = atoi (argv[i + 1]);
      else if (!strcmp (argv[i], "--seconds"))
	seconds = atof (argv[i + 1]);
      else if (!strcmp (argv[i], "--size"))
	size = atoi (argv[i + 1]);
    }
  if (!prog || conns < 1 || size < 1 || size > 4096)
    {
      fprintf (stderr, "usage: %s --server PROG [--conns N] [--seconds S]"
	       " [--size BYTES]\n", argv[0]);
      return 2;
    }
  struct rlimit r;
  if (getrlimit (RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max)
    {
      r.rlim_cur = r.rlim_max;
      setrlimit (RLIMIT_NOFILE, &r);
    }
  long ncpu = sysconf (_SC_NPROCESSORS_ONLN);

  char dir[] = "/tmp/cpc-echo-XXXXXX", port_file[64];
  if (!mkdtemp (dir))
    fail ("mkdtemp");
  snprintf (port_file, sizeof port_file, "%s/port", dir);
  server = fork ();
  if (server < 0)
    fail ("fork");
  if (server == 0)
    {
      if (ncpu > 1)
	pin (ncpu - 1);
      execl (prog, prog, "-p", "0", "-f", port_file, (char *) NULL);
      perror (prog);
      _exit (127);
    }
  if (ncpu > 1)
    pin (0);
  unsigned port = 0;
  for (double t0 = now (); !port; usleep (10000))
    {
      FILE *f = fopen (port_file, "r");
      if (f)
	{
	  if (fscanf (f, "%u", &port) != 1)
	    port = 0;
	  fclose (f);
	}
      if (now () - t0 > 10 || waitpid (server, NULL, WNOHANG) == server)
	{
	  server = -1;
	  fail ("server did not start");
	}
    }
  unlink (port_file);
  rmdir (dir);

  int ep = epoll_create1 (0);
  struct conn *c = calloc (conns, sizeof *c);
  char req[4096], buf[4096];
  for (int i = 0; i < size; i++)
    req[i] = (char) ('a' + i % 26);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  for (int i = 0; i < conns; i++)
    {
      int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      if (fd < 0 || connect (fd, (struct sockaddr *) &a, sizeof a) < 0)
	fail ("connect");
      int one = 1;
      setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      fcntl (fd, F_SETFL, O_NONBLOCK);
      c[i].fd = fd;
      struct epoll_event ev = { .events = EPOLLIN, .data.u32 = i };
      if (epoll_ctl (ep, EPOLL_CTL_ADD, fd, &ev) < 0)
	fail ("epoll_ctl");
      if (write (fd, req, size) != size)
	fail ("write");
    }

  double start = now (), warm = start + 0.5, end = warm + seconds;
  long done = 0, counted = 0;
  int measuring = 0;
  struct epoll_event ev[256];
  for (;;)
    {
      double t = now ();
      if (!measuring && t >= warm)
	{
	  measuring = 1;
	  counted = done;
	  warm = t;
	}
      if (t >= end)
	break;
      int n = epoll_wait (ep, ev, 256, 100);
      if (n < 0 && errno != EINTR)
	fail ("epoll_wait");
      for (int k = 0; k < n; k++)
	{
	  struct conn *p = &c[ev[k].data.u32];
	  ssize_t m = read (p->fd, buf, size - p->got);
	  if (m <= 0)
	    {
	      if (m < 0 && errno == EAGAIN)
		continue;
	      fail ("read (server closed?)");
	    }
	  if (memcmp (buf, req + p->got, m) != 0)
	    {
	      fprintf (stderr, "echo: wrong bytes echoed\n");
	      kill (server, SIGKILL);
	      return 1;
	    }
	  p->got += m;
	  if (p->got == size)
	    {
	      p->got = 0;
	      done++;
	      if (write (p->fd, req, size) != size)
		fail ("write");
	    }
	}
    }
  double elapsed = now () - warm;
  for (int i = 0; i < conns; i++)
    close (c[i].fd);
  kill (server, SIGTERM);
  waitpid (server, NULL, 0);
  printf ("%.0f\n", (done - counted) / elapsed);
  return 0;
}
