/* Misuse: mutex unlock other.  */
/* { dg-output "cpc: cpc_mutex_unlock: mutex is held by another coroutine" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

static cpc_mutex m; coroutine_fn static void holder (void *o) { (void) o; cpc_mutex_lock (&m); cpc_yield (); cpc_yield (); } coroutine_fn static void body (void *o) { (void) o; cpc_spawn (holder, 0); cpc_yield (); cpc_mutex_unlock (&m); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
