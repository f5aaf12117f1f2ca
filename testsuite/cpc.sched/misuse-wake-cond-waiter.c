/* Misuse: wake cond waiter.  */
/* { dg-output "cpc: cpc_wake: coroutine is waiting on a cpc_cond" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

static cpc_cond c; static cpc_coroutine *w; coroutine_fn static void waiter (void *o) { (void) o; cpc_cond_wait (&c); } coroutine_fn static void body (void *o) { (void) o; w = cpc_spawn (waiter, 0); cpc_yield (); cpc_wake (w); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
