/* The echo example (examples/echo-server.c, echo-client.c) in one
   process: 1,000 concurrent loopback connections, every byte checked by
   the client; the server answers every connection it accepted.  */
#define ECHO_SERVER_NO_MAIN
#define ECHO_CLIENT_NO_MAIN
#include "../../examples/echo-server.c"
#include "../../examples/echo-client.c"
#include "sched-test.h"

#define N 1000

int
main (void)
{
  net_raise_nofile ();
  struct rlimit r;
  CHECK (getrlimit (RLIMIT_NOFILE, &r) == 0);
  if (r.rlim_cur < 2 * N + 64)
    {
      printf ("UNSUPPORTED: open-file limit %lu\n", (unsigned long) r.rlim_cur);
      return 0;
    }
  alarm (60);
  unsigned short port = 0;
  struct echo_server srv = { 0 };
  srv.lfd = net_listen (0, &port, 4096);
  CHECK (srv.lfd >= 0);
  srv.max_conns = N;
  struct echo_load load = { port, 3000, 0, 0, 0 };
  cpc_spawn (echo_listener, &srv);
  echo_client_start (&load, N);
  cpc_main_loop ();
  CHECK (load.ok == N && load.failed == 0);
  CHECK (srv.accepted == N && srv.closed == N);
  CHECK (srv.bytes == (long) N * 3000);
  return 0;
}
