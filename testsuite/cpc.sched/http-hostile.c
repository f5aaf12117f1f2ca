/* The HTTP file server example (examples/http-server.c) against normal
   and hostile clients in one process: exact bodies, 403 for every way
   out of the root (.., %2e%2e, symlinks), 404, 400, 414, 431, pipelining,
   slowloris and idle timeouts that do not stall other clients, peers
   that vanish mid-request; at the end every accepted connection has been
   closed.  */
#define HTTP_SERVER_NO_MAIN
#include "../../examples/http-server.c"
#include "sched-test.h"

static struct http_server srv;
static unsigned short port;
static int finished;

/* Send RAW (LEN bytes) on a new connection, read the reply until the
   server closes (at most 5 s).  Returns the status, or -1.  */
coroutine_fn static int
request (const char *raw, size_t len, char *resp, size_t cap)
{
  int fd = net_connect (port);
  CHECK (fd >= 0);
  CHECK (net_write_all (fd, raw, len, 5000000000ull) == 0);
  size_t got = 0;
  for (;;)
    {
      CHECK (got < cap);
      ssize_t n = net_read (fd, resp + got, cap - 1 - got, 5000000000ull);
      CHECK (n != -ETIMEDOUT);
      if (n <= 0)
	break;
      got += n;
    }
  resp[got] = 0;
  cpc_io_cancel (fd);
  close (fd);
  int status;
  if (sscanf (resp, "HTTP/1.1 %d", &status) != 1)
    return -1;
  return status;
}

coroutine_fn static int
get (const char *target, char *resp, size_t cap)
{
  char req[8192];
  int n = snprintf (req, sizeof req,
		    "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		    target);
  return request (req, n, resp, cap);
}

static const char *
body_of (const char *resp)
{
  const char *b = strstr (resp, "\r\n\r\n");
  CHECK (b);
  return b + 4;
}

coroutine_fn static void
normal_clients (void *opaque)
{
  (void) opaque;
  static char resp[200000];
  CHECK (get ("/hello.txt", resp, sizeof resp) == 200);
  CHECK (strcmp (body_of (resp), "hello world\n") == 0);
  CHECK (strstr (resp, "Content-Length: 12\r\n"));
  CHECK (get ("/sub/", resp, sizeof resp) == 200);
  CHECK (strcmp (body_of (resp), "<p>index</p>\n") == 0);
  CHECK (get ("/sub/../hello.txt", resp, sizeof resp) == 403);
  CHECK (get ("/missing", resp, sizeof resp) == 404);
  CHECK (get ("/etc/passwd", resp, sizeof resp) == 404);
  CHECK (get ("/../secret.txt", resp, sizeof resp) == 403);
  CHECK (get ("/%2e%2e/secret.txt", resp, sizeof resp) == 403);
  CHECK (get ("/%2E%2E/secret.txt", resp, sizeof resp) == 403);
  CHECK (get ("/sub/..%2f..%2fsecret.txt", resp, sizeof resp) == 403);
  CHECK (get ("/link-out", resp, sizeof resp) == 403);
  CHECK (get ("/link-in", resp, sizeof resp) == 200);
  CHECK (strcmp (body_of (resp), "hello world\n") == 0);
  CHECK (get ("/hello%00.txt", resp, sizeof resp) == 403);
  CHECK (get ("/bad%zz", resp, sizeof resp) == 400);
  CHECK (get ("http://x/hello.txt", resp, sizeof resp) == 400);
  CHECK (get ("/nosub/", resp, sizeof resp) == 403);	/* no index.html */
  CHECK (get ("/big.bin", resp, sizeof resp) == 200);
  const unsigned char *b = (const unsigned char *) body_of (resp);
  for (int i = 0; i < 100000; i++)
    CHECK (b[i] == (unsigned char) (i * 13));

  /* HEAD: headers only.  */
  const char head[] = "HEAD /hello.txt HTTP/1.1\r\nConnection: close\r\n\r\n";
  CHECK (request (head, sizeof head - 1, resp, sizeof resp) == 200);
  CHECK (strcmp (body_of (resp), "") == 0);
  /* Pipelining: two requests in one write, keep-alive then close.  */
  const char two[] = "GET /hello.txt HTTP/1.1\r\n\r\n"
		     "GET /sub/ HTTP/1.1\r\nConnection: close\r\n\r\n";
  CHECK (request (two, sizeof two - 1, resp, sizeof resp) == 200);
  const char *second = strstr (body_of (resp), "HTTP/1.1 200 OK");
  CHECK (second && strcmp (body_of (second), "<p>index</p>\n") == 0);
  /* Method and version.  */
  const char post[] = "POST / HTTP/1.1\r\n\r\n";
  CHECK (request (post, sizeof post - 1, resp, sizeof resp) == 405);
  const char v2[] = "GET / HTTP/2.0\r\n\r\n";
  CHECK (request (v2, sizeof v2 - 1, resp, sizeof resp) == 505);

  /* Limits.  */
  static char big[40000];
  int n = sprintf (big, "GET /");
  memset (big + n, 'a', 5000);
  n += 5000;
  n += sprintf (big + n, " HTTP/1.1\r\n\r\n");
  CHECK (request (big, n, resp, sizeof resp) == 414);
  n = sprintf (big, "GET / HTTP/1.1\r\n");
  for (int i = 0; i < 100; i++)
    n += sprintf (big + n, "X-H%d: v\r\n", i);
  n += sprintf (big + n, "\r\n");
  CHECK (request (big, n, resp, sizeof resp) == 431);
  n = sprintf (big, "GET / HTTP/1.1\r\nX-Big: ");
  memset (big + n, 'b', 5000);
  n += 5000;
  n += sprintf (big + n, "\r\n\r\n");
  CHECK (request (big, n, resp, sizeof resp) == 431);
  /* 60 headers of 300 bytes: each line fine, the head too large.  */
  n = sprintf (big, "GET / HTTP/1.1\r\n");
  for (int i = 0; i < 60; i++)
    {
      n += sprintf (big + n, "X-%d: ", i);
      memset (big + n, 'c', 300);
      n += 300;
      n += sprintf (big + n, "\r\n");
    }
  n += sprintf (big + n, "\r\n");
  CHECK (request (big, n, resp, sizeof resp) == 431);
  finished++;
}

/* Sends a request head one byte every 50 ms: cut off with 408 after the
   request timeout (300 ms), long before it is done.  */
coroutine_fn static void
slowloris (void *opaque)
{
  (void) opaque;
  const char req[] = "GET /hello.txt HTTP/1.1\r\nHost: slow\r\n\r\n";
  int fd = net_connect (port);
  CHECK (fd >= 0);
  uint64_t t0 = cpc_now_ns ();
  size_t i;
  for (i = 0; i < sizeof req - 1; i++)
    {
      if (send (fd, req + i, 1, MSG_NOSIGNAL) != 1)
	break;			/* the server closed */
      cpc_sleep_ns (50000000);
      char c;
      if (recv (fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 1)
	break;			/* the 408 is there */
    }
  CHECK (i < sizeof req - 1);
  char resp[512];
  ssize_t n = net_read (fd, resp, sizeof resp - 1, 5000000000ull);
  CHECK (n > 0);
  resp[n] = 0;
  CHECK (strncmp (resp, "HTTP/1.1 408 ", 13) == 0);
  uint64_t dt = cpc_now_ns () - t0;
  CHECK (dt >= 250000000ull && dt < 3000000000ull);
  cpc_io_cancel (fd);
  close (fd);
  finished++;
}

/* Connects and says nothing: closed after the idle timeout.  */
coroutine_fn static void
idler (void *opaque)
{
  (void) opaque;
  int fd = net_connect (port);
  CHECK (fd >= 0);
  uint64_t t0 = cpc_now_ns ();
  char c;
  CHECK (net_read (fd, &c, 1, 5000000000ull) == 0);
  uint64_t dt = cpc_now_ns () - t0;
  CHECK (dt >= 250000000ull && dt < 3000000000ull);
  cpc_io_cancel (fd);
  close (fd);
  finished++;
}

/* Goes away mid-request, and mid-response.  */
coroutine_fn static void
vanisher (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < 20; i++)
    {
      int fd = net_connect (port);
      CHECK (fd >= 0);
      if (i % 2)
	CHECK (net_write_all (fd, "GET /hel", 8, 0) == 0);
      else
	CHECK (net_write_all (fd, "GET /big.bin HTTP/1.1\r\n\r\n", 25, 0) == 0);
      cpc_yield ();
      struct linger lg = { 1, 0 };	/* reset, not FIN */
      setsockopt (fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
      close (fd);
    }
  finished++;
}

/* While the slow clients hang on, normal requests stay fast.  */
coroutine_fn static void
prompt (void *opaque)
{
  (void) opaque;
  char resp[1024];
  cpc_sleep_ns (100000000);		/* slowloris and idler are in */
  for (int i = 0; i < 5; i++)
    {
      uint64_t t0 = cpc_now_ns ();
      CHECK (get ("/hello.txt", resp, sizeof resp) == 200);
      CHECK (cpc_now_ns () - t0 < 200000000ull);
    }
  finished++;
}

coroutine_fn static void
stopper (void *opaque)
{
  (void) opaque;
  while (finished < 5)
    cpc_sleep_ns (10000000);
  cpc_io_cancel (srv.lfd);		/* the listener stops */
}

static void
put (const char *path, const void *data, size_t len)
{
  FILE *f = fopen (path, "w");
  CHECK (f && fwrite (data, 1, len, f) == len && fclose (f) == 0);
}

int
main (void)
{
  alarm (60);
  char dir[] = "/tmp/cpc-http-XXXXXX";
  CHECK (mkdtemp (dir));
  char p[4096];
  snprintf (p, sizeof p, "%s/root", dir);
  CHECK (mkdir (p, 0755) == 0);
  snprintf (p, sizeof p, "%s/root/sub", dir);
  CHECK (mkdir (p, 0755) == 0);
  snprintf (p, sizeof p, "%s/root/nosub", dir);
  CHECK (mkdir (p, 0755) == 0);
  snprintf (p, sizeof p, "%s/root/hello.txt", dir);
  put (p, "hello world\n", 12);
  snprintf (p, sizeof p, "%s/root/sub/index.html", dir);
  put (p, "<p>index</p>\n", 13);
  static unsigned char big[100000];
  for (int i = 0; i < 100000; i++)
    big[i] = (unsigned char) (i * 13);
  snprintf (p, sizeof p, "%s/root/big.bin", dir);
  put (p, big, sizeof big);
  snprintf (p, sizeof p, "%s/secret.txt", dir);
  put (p, "secret\n", 7);
  char t[4096];
  snprintf (p, sizeof p, "%s/root/link-out", dir);
  snprintf (t, sizeof t, "%s/secret.txt", dir);
  CHECK (symlink (t, p) == 0);
  snprintf (p, sizeof p, "%s/root/link-in", dir);
  CHECK (symlink ("hello.txt", p) == 0);

  snprintf (p, sizeof p, "%s/root", dir);
  srv.request_timeout_ns = 300000000;
  srv.idle_timeout_ns = 300000000;
  CHECK (http_server_init (&srv, p, &port) == 0);
  cpc_spawn (http_listener, &srv);
  cpc_spawn (slowloris, 0);
  cpc_spawn (idler, 0);
  cpc_spawn (prompt, 0);
  cpc_spawn (normal_clients, 0);
  cpc_spawn (vanisher, 0);
  cpc_spawn (stopper, 0);
  cpc_main_loop ();
  CHECK (finished == 5);
  CHECK (srv.accepted > 40 && srv.closed == srv.accepted);

  char cmd[4200];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK (system (cmd) == 0);
  return 0;
}
