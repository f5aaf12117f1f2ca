/* Regression test: a spare arena chunk too small for a large frame was
   freed but still remembered as the spare, and the next chunk
   allocation reused freed memory (found by the HTTP server example).  */
#include "sched-test.h"

coroutine_fn static int
small (int x)
{
  volatile char pad[150];		/* a 256-byte chunk of its own */
  pad[0] = (char) x;
  cpc_yield ();
  return pad[0] + 1;
}

coroutine_fn static int
inner (int x)
{
  volatile char pad[40];
  pad[0] = (char) x;
  cpc_yield ();
  return pad[0] * 2;
}

coroutine_fn static int
large (int x)
{
  volatile char buf[9000];		/* larger than the spare */
  buf[0] = (char) x;
  buf[8999] = (char) (x + 1);
  int r = inner (x);			/* needs yet another chunk */
  cpc_yield ();
  return r + buf[0] + buf[8999];
}

coroutine_fn static void
body (void *opaque)
{
  int *out = opaque;
  for (int i = 0; i < 5; i++)
    {
      CHECK (small (i) == i + 1);	/* leaves a small spare */
      CHECK (large (i) == 2 * i + i + i + 1);
    }
  *out = 1;
}

int
main (void)
{
  int done[3] = { 0, 0, 0 };
  for (int i = 0; i < 3; i++)
    cpc_spawn (body, &done[i]);
  cpc_main_loop ();
  CHECK (done[0] && done[1] && done[2]);
  return 0;
}
