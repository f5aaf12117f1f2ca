/* cpc_create does not start the coroutine; the first cpc_enter does, and the opaque pointer reaches the entry function.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int started;

coroutine_fn static void
body (void *opaque)
{
  started++;
  int *p = opaque;
  if (*p != 31337)
    abort ();
  cpc_suspend ();
  *p = 1;
  done = 1;
}

int
main (void)
{
  int value = 31337;
  cpc_coroutine *co = cpc_create (body, &value);
  cpc_coroutine *never = cpc_create (body, NULL);	/* never entered */
  (void) never;
  if (started != 0)
    abort ();
  cpc_enter (co);
  if (started != 1)
    abort ();
  while (!done)
    cpc_enter (co);
  if (started != 1 || value != 1)
    abort ();
  return 0;
}
