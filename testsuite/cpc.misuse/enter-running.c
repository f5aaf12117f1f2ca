/* Entering the coroutine that is running (from inside itself).  */
/* { dg-output "cpc: cpc_enter: coroutine is already running" } */
#include <cpc.h>

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  cpc_enter (cpc_self ());
}

int
main (void)
{
  cpc_enter (cpc_create (body, 0));
  return 0;
}
