/* A small HTTP/1.1 file server on 127.0.0.1: one coroutine per
   connection, written as straight sequential code.  GET and HEAD of files
   below a root directory, keep-alive and pipelining.  It faces hostile
   clients:
   - only files below the root are served: ".." (also percent-encoded),
     NUL bytes and symlinks that lead out are refused (403), as are
     directories without index.html;
   - the request line is at most HTTP_LINE_MAX bytes (414), a header line
     at most HTTP_LINE_MAX, at most HTTP_HEADERS_MAX header lines and
     HTTP_HEAD_MAX bytes of head in all (431);
   - a request head must arrive within the request timeout, and an idle
     keep-alive connection is closed after the idle timeout (slowloris),
     without stalling the other connections;
   - a peer that disconnects at any point only ends its own coroutine.
   Usage:
     http-server [-r ROOT] [-p PORT] [-f PORT_FILE] [-n CONNECTIONS]
                 [-t REQUEST_TIMEOUT_MS] [-k IDLE_TIMEOUT_MS]

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "net.h"
#include <limits.h>
#include <sys/stat.h>

#define HTTP_LINE_MAX 4096
#define HTTP_HEADERS_MAX 64
#define HTTP_HEAD_MAX 16384

struct http_server
{
  int lfd;
  char root[PATH_MAX];		/* realpath of the root */
  uint64_t request_timeout_ns, idle_timeout_ns;
  long max_conns;		/* stop after this many; 0: never */
  long accepted, closed, requests;
};

struct http_conn
{
  struct http_server *srv;
  int fd;
  size_t len;			/* bytes in buf */
  char buf[HTTP_HEAD_MAX];
};

static const char *
http_reason (int status)
{
  switch (status)
    {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

coroutine_fn static int
http_send_status (struct http_conn *c, int status, int keep_alive)
{
  char head[256];
  const char *reason = http_reason (status);
  int n = snprintf (head, sizeof head,
		    "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\n"
		    "Content-Length: %zu\r\nConnection: %s\r\n\r\n%s\n",
		    status, reason, strlen (reason) + 1,
		    keep_alive ? "keep-alive" : "close", reason);
  return net_write_all (c->fd, head, n, c->srv->request_timeout_ns);
}

static int
http_hex (int ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* Decode the request target into a path relative to the root in OUT.
   Returns 0, or the HTTP status to refuse it with.  */
static int
http_map_path (const char *target, size_t len, char *out, size_t out_size)
{
  if (len == 0 || target[0] != '/')
    return 400;			/* absolute-form, "*", garbage */
  size_t o = 0;
  for (size_t i = 0; i < len; i++)
    {
      int ch = (unsigned char) target[i];
      if (ch == '?' || ch == '#')
	break;
      if (ch == '%')
	{
	  if (i + 2 >= len)
	    return 400;
	  int hi = http_hex (target[i + 1]), lo = http_hex (target[i + 2]);
	  if (hi < 0 || lo < 0)
	    return 400;
	  ch = hi * 16 + lo;
	  i += 2;
	  if (ch == 0)
	    return 403;
	}
      if (o + 2 >= out_size)
	return 414;
      out[o++] = (char) ch;
    }
  out[o] = 0;
  /* Refuse any ".." segment (after decoding) and backslashes.  */
  for (char *seg = out; *seg;)
    {
      char *end = strchr (seg, '/');
      size_t sl = end ? (size_t) (end - seg) : strlen (seg);
      if (sl == 2 && seg[0] == '.' && seg[1] == '.')
	return 403;
      if (memchr (seg, '\\', sl))
	return 403;
      seg += sl;
      while (*seg == '/')
	seg++;
    }
  /* Make it relative: drop the leading slashes.  */
  size_t skip = strspn (out, "/");
  memmove (out, out + skip, strlen (out + skip) + 1);
  if (!out[0])
    strcpy (out, ".");
  return 0;
}

/* Open the file for REL below the root; the fd, or -status.  */
static int
http_open (struct http_server *srv, const char *rel, struct stat *st)
{
  char full[PATH_MAX * 2], real[PATH_MAX];
  snprintf (full, sizeof full, "%s/%s", srv->root, rel);
  if (!realpath (full, real))
    return errno == ENOENT || errno == ENOTDIR ? -404 : -403;
  size_t rl = strlen (srv->root);
  /* Symlinks that lead out of the root.  */
  if (strncmp (real, srv->root, rl) != 0
      || (real[rl] != '/' && real[rl] != 0))
    return -403;
  if (stat (real, st) < 0)
    return -404;
  if (S_ISDIR (st->st_mode))
    {
      size_t l = strlen (real);
      if (l + sizeof "/index.html" > sizeof real)
	return -403;
      strcpy (real + l, "/index.html");
      if (lstat (real, st) < 0 || !S_ISREG (st->st_mode))
	return -403;
    }
  if (!S_ISREG (st->st_mode))
    return -403;
  int fd = open (real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return -403;
  if (fstat (fd, st) < 0)
    {
      close (fd);
      return -500;
    }
  return fd;
}

static const char *
http_content_type (const char *path)
{
  const char *dot = strrchr (path, '.');
  if (dot && strcmp (dot, ".html") == 0)
    return "text/html";
  if (dot && strcmp (dot, ".txt") == 0)
    return "text/plain";
  return "application/octet-stream";
}

/* Read until the buffer holds a complete request head.  Returns its
   length (up to and including the blank line), 0 when the peer closed
   cleanly between requests, or -status (-408 timeout, -414, -431,
   -1 for an I/O error or a peer gone mid-request).  */
coroutine_fn static long
http_read_head (struct http_conn *c)
{
  struct http_server *srv = c->srv;
  uint64_t start = cpc_now_ns ();
  int first = 1;
  size_t scanned = 0;		/* bytes checked for line limits */
  size_t line_start = 0;
  int lines = 0;
  for (;;)
    {
      /* Check what is buffered.  */
      for (; scanned < c->len; scanned++)
	{
	  if (c->buf[scanned] != '\n')
	    {
	      if (scanned - line_start >= HTTP_LINE_MAX)
		return lines == 0 ? -414 : -431;
	      continue;
	    }
	  size_t ll = scanned - line_start;	/* without the \n */
	  if (ll > 0 && c->buf[scanned - 1] == '\r')
	    ll--;
	  line_start = scanned + 1;
	  if (ll == 0 && lines > 0)
	    return (long) scanned + 1;		/* the blank line */
	  if (ll == 0)
	    continue;				/* stray CRLF before a request */
	  if (++lines > HTTP_HEADERS_MAX + 1)
	    return -431;
	}
      if (c->len >= sizeof c->buf)
	return lines == 0 ? -414 : -431;
      /* Wait for more: the idle timeout before a request's first byte,
	 else what is left of the request timeout.  */
      uint64_t timeout;
      if (first && c->len == 0)
	timeout = srv->idle_timeout_ns;
      else
	{
	  uint64_t spent = cpc_now_ns () - start;
	  if (spent >= srv->request_timeout_ns)
	    return -408;
	  timeout = srv->request_timeout_ns - spent;
	}
      ssize_t n = net_read (c->fd, c->buf + c->len, sizeof c->buf - c->len,
			    timeout);
      if (n == -ETIMEDOUT)
	return c->len == 0 ? 0 : -408;
      if (n < 0)
	return -1;
      if (n == 0)
	return c->len == 0 ? 0 : -1;
      if (first && c->len == 0)
	start = cpc_now_ns ();	/* the request begins with its first byte */
      first = 0;
      c->len += n;
    }
}

/* Serve one request whose head is the first HEAD_LEN bytes of the
   buffer.  Returns 1 to keep the connection, 0 to close it.  */
coroutine_fn static int
http_serve (struct http_conn *c, size_t head_len)
{
  struct http_server *srv = c->srv;
  char *p = c->buf;
  while (*p == '\r' || *p == '\n')
    p++;
  char *eol = memchr (p, '\n', head_len - (p - c->buf));
  char *sp1 = memchr (p, ' ', eol - p);
  char *sp2 = sp1 ? memchr (sp1 + 1, ' ', eol - sp1 - 1) : NULL;
  if (!sp1 || !sp2)
    {
      http_send_status (c, 400, 0);
      return 0;
    }
  size_t vlen = eol - sp2 - 1;
  if (vlen > 0 && sp2[vlen] == '\r')
    vlen--;
  int http10;
  if (vlen == 8 && memcmp (sp2 + 1, "HTTP/1.1", 8) == 0)
    http10 = 0;
  else if (vlen == 8 && memcmp (sp2 + 1, "HTTP/1.0", 8) == 0)
    http10 = 1;
  else
    {
      http_send_status (c, 505, 0);
      return 0;
    }
  int head_only = 0;
  if (sp1 - p == 4 && memcmp (p, "HEAD", 4) == 0)
    head_only = 1;
  else if (!(sp1 - p == 3 && memcmp (p, "GET", 3) == 0))
    {
      http_send_status (c, 405, 0);
      return 0;
    }
  /* Connection header.  */
  int keep_alive = !http10;
  for (char *h = eol + 1; h < c->buf + head_len;)
    {
      char *e = memchr (h, '\n', c->buf + head_len - h);
      if (!e)
	break;
      if (strncasecmp (h, "connection:", 11) == 0)
	{
	  char *v = h + 11;
	  while (*v == ' ' || *v == '\t')
	    v++;
	  if (strncasecmp (v, "close", 5) == 0)
	    keep_alive = 0;
	  else if (strncasecmp (v, "keep-alive", 10) == 0)
	    keep_alive = 1;
	}
      h = e + 1;
    }
  char rel[PATH_MAX];
  int status = http_map_path (sp1 + 1, sp2 - sp1 - 1, rel, sizeof rel);
  if (status)
    return http_send_status (c, status, keep_alive) == 0 && keep_alive;
  struct stat st;
  int fd = http_open (srv, rel, &st);
  if (fd < 0)
    return http_send_status (c, -fd, keep_alive) == 0 && keep_alive;
  char head[512];
  int n = snprintf (head, sizeof head,
		    "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n"
		    "Content-Length: %lld\r\nConnection: %s\r\n\r\n",
		    http_content_type (rel), (long long) st.st_size,
		    keep_alive ? "keep-alive" : "close");
  int ok = net_write_all (c->fd, head, n, srv->request_timeout_ns) == 0;
  if (ok && !head_only)
    {
      char chunk[8192];
      off_t left = st.st_size;
      while (ok && left > 0)
	{
	  ssize_t r = read (fd, chunk, sizeof chunk);
	  if (r <= 0)
	    ok = 0;		/* the file shrank: the length is wrong */
	  else
	    {
	      ok = net_write_all (c->fd, chunk, r,
				  srv->request_timeout_ns) == 0;
	      left -= r;
	    }
	}
    }
  close (fd);
  return ok && keep_alive;
}

coroutine_fn static void
http_connection (void *opaque)
{
  struct http_conn *c = opaque;
  for (;;)
    {
      long head = http_read_head (c);
      if (head == 0 || head == -1)
	break;
      if (head < 0)
	{
	  http_send_status (c, (int) -head, 0);
	  break;
	}
      c->srv->requests++;
      if (!http_serve (c, (size_t) head))
	break;
      /* Keep what follows (pipelined requests).  */
      memmove (c->buf, c->buf + head, c->len - head);
      c->len -= head;
    }
  cpc_io_cancel (c->fd);
  close (c->fd);
  c->srv->closed++;
  free (c);
}

coroutine_fn static void
http_listener (void *opaque)
{
  struct http_server *srv = opaque;
  while (srv->max_conns == 0 || srv->accepted < srv->max_conns)
    {
      int fd = net_accept (srv->lfd);
      if (fd < 0)
	{
	  if (fd == -EMFILE || fd == -ENFILE)
	    {
	      cpc_sleep_ns (10000000);
	      continue;
	    }
	  break;
	}
      struct http_conn *c = malloc (sizeof *c);
      if (!c)
	{
	  close (fd);
	  continue;
	}
      c->srv = srv;
      c->fd = fd;
      c->len = 0;
      srv->accepted++;
      cpc_spawn (http_connection, c);
    }
  cpc_io_cancel (srv->lfd);
  close (srv->lfd);
}

/* Set up SRV to serve ROOT on 127.0.0.1:PORT (0: any); 0 or -errno.  */
static int
http_server_init (struct http_server *srv, const char *root,
		  unsigned short *port)
{
  if (!realpath (root, srv->root))
    return -errno;
  if (!srv->request_timeout_ns)
    srv->request_timeout_ns = 10ull * 1000000000;
  if (!srv->idle_timeout_ns)
    srv->idle_timeout_ns = 30ull * 1000000000;
  srv->lfd = net_listen (*port, port, 1024);
  return srv->lfd < 0 ? srv->lfd : 0;
}

#ifndef HTTP_SERVER_NO_MAIN
int
main (int argc, char **argv)
{
  static struct http_server srv;
  const char *root = ".", *port_file = NULL;
  unsigned short port = 0;
  int opt;
  while ((opt = getopt (argc, argv, "r:p:f:n:t:k:")) != -1)
    switch (opt)
      {
      case 'r': root = optarg; break;
      case 'p': port = (unsigned short) atoi (optarg); break;
      case 'f': port_file = optarg; break;
      case 'n': srv.max_conns = atol (optarg); break;
      case 't': srv.request_timeout_ns = atoll (optarg) * 1000000ull; break;
      case 'k': srv.idle_timeout_ns = atoll (optarg) * 1000000ull; break;
      default:
	fprintf (stderr, "usage: %s [-r ROOT] [-p PORT] [-f PORT_FILE]"
		 " [-n CONNS] [-t REQUEST_MS] [-k IDLE_MS]\n", argv[0]);
	return 2;
      }
  net_raise_nofile ();
  int r = http_server_init (&srv, root, &port);
  if (r < 0)
    {
      fprintf (stderr, "http-server: %s\n", strerror (-r));
      return 1;
    }
  if (port_file)
    {
      FILE *f = fopen (port_file, "w");
      if (!f || fprintf (f, "%u\n", port) < 0 || fclose (f) != 0)
	return 1;
    }
  else
    printf ("serving %s on http://127.0.0.1:%u/\n", srv.root, port);
  fflush (stdout);
  cpc_spawn (http_listener, &srv);
  cpc_main_loop ();
  printf ("http-server: %ld connections, %ld requests\n", srv.closed,
	  srv.requests);
  return 0;
}
#endif
