/* A TCP echo server on 127.0.0.1: one coroutine per connection, written
   as straight sequential code.  Usage:
     echo-server [-p PORT] [-f PORT_FILE] [-n CONNECTIONS]
   -p 0 (the default) picks a free port; -f writes the port to a file; -n
   exits after that many connections have closed (default: never).

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "net.h"

struct echo_server
{
  int lfd;
  long max_conns;		/* stop accepting after this many; 0: never */
  long accepted, closed, bytes;
};

struct echo_conn { struct echo_server *srv; int fd; };

coroutine_fn static void
echo_connection (void *opaque)
{
  struct echo_conn *c = opaque;
  char buf[16384];
  for (;;)
    {
      ssize_t n = net_read (c->fd, buf, sizeof buf, 0);
      if (n <= 0)
	break;			/* end of file, or the peer went away */
      if (net_write_all (c->fd, buf, n, 0) < 0)
	break;
      c->srv->bytes += n;
    }
  cpc_io_cancel (c->fd);
  close (c->fd);
  c->srv->closed++;
  free (c);
}

coroutine_fn static void
echo_listener (void *opaque)
{
  struct echo_server *srv = opaque;
  while (srv->max_conns == 0 || srv->accepted < srv->max_conns)
    {
      int fd = net_accept (srv->lfd);
      if (fd < 0)
	{
	  if (fd == -EMFILE || fd == -ENFILE)
	    {
	      cpc_sleep_ns (10000000);	/* out of fds: back off */
	      continue;
	    }
	  fprintf (stderr, "echo-server: accept: %s\n", strerror (-fd));
	  break;
	}
      int one = 1;
      setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      struct echo_conn *c = malloc (sizeof *c);
      if (!c)
	{
	  close (fd);
	  continue;
	}
      c->srv = srv;
      c->fd = fd;
      srv->accepted++;
      cpc_spawn (echo_connection, c);
    }
  cpc_io_cancel (srv->lfd);
  close (srv->lfd);
}

#ifndef ECHO_SERVER_NO_MAIN
int
main (int argc, char **argv)
{
  unsigned short port = 0;
  const char *port_file = NULL;
  struct echo_server srv = { 0 };
  int opt;
  while ((opt = getopt (argc, argv, "p:f:n:")) != -1)
    switch (opt)
      {
      case 'p': port = (unsigned short) atoi (optarg); break;
      case 'f': port_file = optarg; break;
      case 'n': srv.max_conns = atol (optarg); break;
      default:
	fprintf (stderr, "usage: %s [-p PORT] [-f PORT_FILE] [-n CONNS]\n",
		 argv[0]);
	return 2;
      }
  net_raise_nofile ();
  srv.lfd = net_listen (port, &port, 4096);
  if (srv.lfd < 0)
    {
      fprintf (stderr, "echo-server: listen: %s\n", strerror (-srv.lfd));
      return 1;
    }
  if (port_file)
    {
      char tmp[4096];
      snprintf (tmp, sizeof tmp, "%s.tmp", port_file);
      FILE *f = fopen (tmp, "w");
      if (!f || fprintf (f, "%u\n", port) < 0 || fclose (f) != 0
	  || rename (tmp, port_file) != 0)
	{
	  perror ("echo-server: port file");
	  return 1;
	}
    }
  else
    printf ("listening on 127.0.0.1:%u\n", port);
  fflush (stdout);
  cpc_spawn (echo_listener, &srv);
  cpc_main_loop ();
  printf ("echo-server: %ld connections, %ld bytes echoed\n", srv.closed,
	  srv.bytes);
  return srv.closed == srv.accepted ? 0 : 1;
}
#endif
