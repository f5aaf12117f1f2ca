/* Misuse: rwlock unlock unlocked.  */
/* { dg-output "cpc: cpc_rwlock_unlock: rwlock is not locked" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

static cpc_rwlock rw; coroutine_fn static void body (void *o) { (void) o; cpc_rwlock_unlock (&rw); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
