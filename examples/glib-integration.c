/* cpc inside a GLib main loop: a GSource drives the cpc scheduler through
   its embedding API (cpc_sched_fd, cpc_sched_timeout_ms,
   cpc_sched_dispatch), so coroutines and GLib callbacks share one thread
   and one loop.  A GLib timeout writes into a pipe that a coroutine waits
   on with cpc_io_wait; coroutines sleep and ping-pong through a cpc_cond
   meanwhile; the last one quits the GLib loop.  Checks what it prints.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <glib.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <cpc.h>

/* ---- The GSource ------------------------------------------------------ */

typedef struct
{
  GSource source;
  gpointer fd_tag;
} CpcSource;

static gboolean
cpc_source_prepare (GSource *source, gint *timeout)
{
  (void) source;
  *timeout = cpc_sched_timeout_ms ();
  return *timeout == 0;
}

static gboolean
cpc_source_check (GSource *source)
{
  CpcSource *cs = (CpcSource *) source;
  return (g_source_query_unix_fd (source, cs->fd_tag) & G_IO_IN)
	 || cpc_sched_timeout_ms () == 0;
}

static gboolean
cpc_source_dispatch (GSource *source, GSourceFunc cb, gpointer data)
{
  (void) source;
  (void) cb;
  (void) data;
  cpc_sched_dispatch ();
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs cpc_source_funcs = {
  cpc_source_prepare, cpc_source_check, cpc_source_dispatch, NULL,
  NULL, NULL
};

/* A GSource that runs the calling thread's cpc scheduler.  */
static GSource *
cpc_source_new (void)
{
  GSource *s = g_source_new (&cpc_source_funcs, sizeof (CpcSource));
  CpcSource *cs = (CpcSource *) s;
  cs->fd_tag = g_source_add_unix_fd (s, cpc_sched_fd (), G_IO_IN);
  g_source_set_name (s, "cpc scheduler");
  return s;
}

/* ---- The program ------------------------------------------------------ */

static GMainLoop *loop;
static int pipefd[2];
static int ticks, pongs, bytes_seen, done;
static char log_buf[512];

static void
say (const char *what)
{
  strcat (log_buf, what);
  strcat (log_buf, " ");
  printf ("%s\n", what);
}

static void
finish_one (void)
{
  if (++done == 3)
    g_main_loop_quit (loop);
}

/* GLib callback: every 5 ms, one byte into the pipe; three times.  */
static gboolean
glib_writer (gpointer data)
{
  (void) data;
  static int n;
  char c = (char) ('a' + n);
  if (write (pipefd[1], &c, 1) != 1)
    abort ();
  return ++n < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

coroutine_fn static void
pipe_reader (void *opaque)
{
  (void) opaque;
  char buf[8];
  while (bytes_seen < 3)
    {
      int r = cpc_io_wait (pipefd[0], CPC_IO_IN);
      if (r != CPC_IO_IN)
	abort ();
      ssize_t n = read (pipefd[0], buf, sizeof buf);
      for (ssize_t i = 0; i < n; i++)
	if (buf[i] != 'a' + bytes_seen++)
	  abort ();
    }
  say ("reader: got a b c from GLib");
  finish_one ();
}

coroutine_fn static void
ticker (void *opaque)
{
  (void) opaque;
  for (ticks = 0; ticks < 4; ticks++)
    cpc_sleep_ns (10000000);	/* after the reader: 40 ms > 15 ms */
  say ("ticker: 4 ticks");
  finish_one ();
}

static cpc_cond ping_cv, pong_cv;
static int ball;		/* 0: ping's turn, 1: pong's */

coroutine_fn static void
pinger (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < 1000; i++)
    {
      while (ball != 0)
	cpc_cond_wait (&ping_cv);
      ball = 1;
      cpc_cond_signal (&pong_cv);
    }
  say ("pinger: 1000 pings");
  finish_one ();
}

coroutine_fn static void
ponger (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < 1000; i++)
    {
      while (ball != 1)
	cpc_cond_wait (&pong_cv);
      ball = 0;
      pongs++;
      cpc_cond_signal (&ping_cv);
    }
}

static gboolean
watchdog (gpointer data)
{
  (void) data;
  fprintf (stderr, "glib-integration: timed out\n");
  abort ();
}

int
main (void)
{
  if (!g_unix_open_pipe (pipefd, FD_CLOEXEC, NULL))
    abort ();
  g_unix_set_fd_nonblocking (pipefd[0], TRUE, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  GSource *src = cpc_source_new ();
  g_source_attach (src, NULL);
  g_timeout_add (5, glib_writer, NULL);
  g_timeout_add_seconds (30, watchdog, NULL);
  cpc_spawn (pipe_reader, NULL);
  cpc_spawn (ticker, NULL);
  cpc_spawn (pinger, NULL);
  cpc_spawn (ponger, NULL);
  g_main_loop_run (loop);
  /* The ponger finishes in the pinger's last round; let it.  */
  while (cpc_sched_pending ())
    g_main_context_iteration (NULL, TRUE);
  if (ticks != 4 || pongs != 1000 || bytes_seen != 3 || done != 3
      || strcmp (log_buf, "pinger: 1000 pings reader: got a b c from GLib"
		 " ticker: 4 ticks ") != 0)
    abort ();
  printf ("done\n");
  g_source_destroy (src);
  g_source_unref (src);
  g_main_loop_unref (loop);
  close (pipefd[0]);
  close (pipefd[1]);
  return 0;
}
