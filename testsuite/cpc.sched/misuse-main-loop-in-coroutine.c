/* Misuse: main loop in coroutine.  */
/* { dg-output "cpc: cpc_main_loop: called from a coroutine" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

coroutine_fn static void body (void *o) { (void) o; cpc_main_loop (); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
