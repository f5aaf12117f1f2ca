/* A coroutine calls plain variadic functions (snprintf) between suspensions; the formatted buffers survive.  */
#include <cpc.h>
#include <stdlib.h>

static int done;
#include <stdio.h>
#include <string.h>

coroutine_fn static void
body (void *opaque)
{
  char buf[64], line[128];
  snprintf (buf, sizeof buf, "%d-%s-%.2f", 42, "cpc", 2.5);
  cpc_suspend ();
  snprintf (line, sizeof line, "[%s|%ld]", buf, 123456789L);
  cpc_suspend ();
  if (strcmp (buf, "42-cpc-2.50") != 0 || strcmp (line, "[42-cpc-2.50|123456789]") != 0)
    abort ();
  done = 1;
}

int
main (void)
{
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 1000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 3)
    abort ();
#endif
  return 0;
}
