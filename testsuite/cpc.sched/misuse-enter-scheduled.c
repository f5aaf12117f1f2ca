/* Misuse: enter scheduled.  */
/* { dg-output "cpc: cpc_enter: coroutine is runnable; the scheduler resumes it" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

coroutine_fn static void body (void *o) { (void) o; cpc_enter (cpc_spawn (body, 0)); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
