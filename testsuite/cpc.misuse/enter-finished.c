/* Entering a coroutine again after its entry function returned (QEMU
   semantics: it was freed).  Best effort: detected by a poisoned magic
   number while the allocator has not reused the memory.  */
/* { dg-output "cpc: cpc_enter: not a live coroutine" } */
#include <cpc.h>

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (body, 0);
  cpc_enter (co);
  cpc_enter (co);
  return 0;
}
