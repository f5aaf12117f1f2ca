/* The address of a GNU nested function taken in a coroutine_fn: its
   trampoline would be built in the (heap, non-executable) frame.  Calling
   the nested function directly is fine (cpc.torture/nested-function.c).  */
/* { dg-do compile } */
#include <cpc.h>

static int apply (int (*f) (int), int v) { return f (v); }

coroutine_fn void
body (void *opaque)
{
  int k = 3;
  int add (int v) { return v + k; }
  cpc_suspend ();
  (void) apply (add, 4); /* { dg-error "the address of a nested function cannot be taken in coroutine_fn 'body'" } */
  (void) opaque;
}
