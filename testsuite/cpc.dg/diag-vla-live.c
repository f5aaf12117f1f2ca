/* A variable-length array whose scope spans a suspension point.  */
/* { dg-do compile } */
/* Reported at the suspension point the storage is live across.  */
#include <cpc.h>

coroutine_fn int
f (int n)
{
  int a[n];
  a[0] = 1;
  cpc_suspend (); /* { dg-error "variable-length array 'a' is live across a suspension point" } */
  return a[0];
}
