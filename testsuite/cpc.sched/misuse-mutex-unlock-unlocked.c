/* Misuse: mutex unlock unlocked.  */
/* { dg-output "cpc: cpc_mutex_unlock: mutex is not locked" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

static cpc_mutex m; coroutine_fn static void body (void *o) { (void) o; cpc_mutex_unlock (&m); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
