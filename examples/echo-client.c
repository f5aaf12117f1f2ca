/* Drives N concurrent connections to an echo server on 127.0.0.1, each
   sending BYTES bytes of a per-connection pattern in pieces of varying
   size and checking every byte echoed back.  Usage:
     echo-client (-p PORT | -f PORT_FILE) [-n N] [-b BYTES] [-t SECONDS]
   Exits 0 when every connection got all its bytes back, correct, within
   the time limit; prints requests/s (a request = one piece echoed).

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "net.h"

struct echo_load
{
  unsigned short port;
  long bytes;			/* per connection */
  long ok, failed, pieces;
};

struct echo_client_conn { struct echo_load *load; long id; };

static inline unsigned char
echo_pattern (long id, long i)
{
  return (unsigned char) (i * 131 + id * 7 + (i >> 9));
}

coroutine_fn static void
echo_client_connection (void *opaque)
{
  struct echo_client_conn *cc = opaque;
  struct echo_load *load = cc->load;
  long id = cc->id;
  free (cc);
  int fd = net_connect (load->port);
  if (fd < 0)
    {
      fprintf (stderr, "echo-client %ld: connect: %s\n", id, strerror (-fd));
      load->failed++;
      return;
    }
  unsigned char out[4096], in[4096];
  long sent = 0, good = 1;
  unsigned int rnd = (unsigned int) id * 2654435761u;
  while (sent < load->bytes && good)
    {
      rnd = rnd * 1103515245u + 12345u;
      long piece = 1 + (rnd >> 16) % sizeof out;
      if (piece > load->bytes - sent)
	piece = load->bytes - sent;
      for (long i = 0; i < piece; i++)
	out[i] = echo_pattern (id, sent + i);
      if (net_write_all (fd, out, piece, 0) < 0)
	{
	  good = 0;
	  break;
	}
      /* Read the whole piece back before sending more.  */
      long got = 0;
      while (got < piece)
	{
	  ssize_t n = net_read (fd, in + got, piece - got, 0);
	  if (n <= 0)
	    {
	      good = 0;
	      break;
	    }
	  got += n;
	}
      if (good && memcmp (in, out, piece) != 0)
	{
	  fprintf (stderr, "echo-client %ld: wrong bytes at %ld\n", id, sent);
	  good = 0;
	}
      sent += piece;
      load->pieces++;
    }
  if (good)
    {
      /* Half-close: the server sees end of file and closes.  */
      shutdown (fd, SHUT_WR);
      ssize_t n = net_read (fd, in, sizeof in, 0);
      if (n != 0)
	good = 0;
    }
  cpc_io_cancel (fd);
  close (fd);
  if (good)
    load->ok++;
  else
    load->failed++;
}

/* Start N connections.  */
static inline void
echo_client_start (struct echo_load *load, long n)
{
  for (long i = 0; i < n; i++)
    {
      struct echo_client_conn *cc = malloc (sizeof *cc);
      if (!cc)
	abort ();
      cc->load = load;
      cc->id = i;
      cpc_spawn (echo_client_connection, cc);
    }
}

#ifndef ECHO_CLIENT_NO_MAIN
#include <signal.h>

int
main (int argc, char **argv)
{
  struct echo_load load = { 0, 100000, 0, 0, 0 };
  const char *port_file = NULL;
  long n = 100;
  int seconds = 60;
  int opt;
  while ((opt = getopt (argc, argv, "p:f:n:b:t:")) != -1)
    switch (opt)
      {
      case 'p': load.port = (unsigned short) atoi (optarg); break;
      case 'f': port_file = optarg; break;
      case 'n': n = atol (optarg); break;
      case 'b': load.bytes = atol (optarg); break;
      case 't': seconds = atoi (optarg); break;
      default:
	goto usage;
      }
  if (port_file)
    {
      /* Wait (bounded) for the server to write it.  */
      for (int i = 0; i < 500 && access (port_file, R_OK) != 0; i++)
	usleep (10000);
      FILE *f = fopen (port_file, "r");
      unsigned int p;
      if (!f || fscanf (f, "%u", &p) != 1)
	{
	  fprintf (stderr, "echo-client: cannot read %s\n", port_file);
	  return 1;
	}
      fclose (f);
      load.port = (unsigned short) p;
    }
  if (!load.port)
    {
    usage:
      fprintf (stderr, "usage: %s (-p PORT | -f PORT_FILE) [-n N] [-b BYTES]"
	       " [-t SECONDS]\n", argv[0]);
      return 2;
    }
  net_raise_nofile ();
  alarm (seconds);			/* a hang is a failure */
  uint64_t t0 = cpc_now_ns ();
  echo_client_start (&load, n);
  cpc_main_loop ();
  double secs = (cpc_now_ns () - t0) / 1e9;
  printf ("echo-client: %ld/%ld connections ok, %ld bytes each\n", load.ok,
	  n, load.bytes);
  fprintf (stderr, "echo-client: %.0f requests/s (%ld pieces in %.3f s)\n",
	   load.pieces / secs, load.pieces, secs);
  return load.ok == n && load.failed == 0 ? 0 : 1;
}
#endif
