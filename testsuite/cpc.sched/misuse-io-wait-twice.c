/* Misuse: io wait twice.  */
/* { dg-output "cpc: cpc_io_wait: fd [0-9]+ is already waited on for input by another coroutine" } */
#include <stdlib.h>
#include <unistd.h>
#include <cpc.h>

static int p[2]; coroutine_fn static void waiter (void *o) { (void) o; cpc_io_wait (p[0], CPC_IO_IN); } coroutine_fn static void body (void *o) { (void) o; if (pipe (p)) abort (); cpc_spawn (waiter, 0); cpc_yield (); cpc_io_wait (p[0], CPC_IO_IN); }

int
main (void)
{
  cpc_spawn (body, 0);
  cpc_main_loop ();
  return 0;
}
