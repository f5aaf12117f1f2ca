/* A variable-length array whose scope spans a suspension point.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn int
f (int n)
{
  int a[n]; /* { dg-error "variable-length array 'a' is live across a suspension point" } */
  a[0] = 1;
  cpc_suspend ();
  return a[0];
}
