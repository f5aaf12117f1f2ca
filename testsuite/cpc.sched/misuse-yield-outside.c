/* Misuse: yield outside.  */
/* { dg-output "cpc: a coroutine_fn was called outside any coroutine" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

typedef void (*plain_fn) (void); int main2 (void) { void *p = (void *) cpc_yield; ((plain_fn) p) (); return 0; } coroutine_fn static void body (void *o) { (void) o; }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return main2 ();
}
