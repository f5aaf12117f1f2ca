/* Misuse: wake running.  */
/* { dg-output "cpc: cpc_wake: coroutine is running" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

coroutine_fn static void body (void *o) { (void) o; cpc_wake (cpc_self ()); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
