/* main cannot be a coroutine_fn.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn int
main (void) /* { dg-error "'main' cannot be a coroutine_fn" } */
{
  cpc_suspend ();
  return 0;
}
