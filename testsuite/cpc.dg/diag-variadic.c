/* A variadic function cannot be a coroutine_fn.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn int
f (int n, ...) /* { dg-error "variadic function 'f' cannot be a coroutine_fn" } */
{
  cpc_suspend ();
  return n;
}
