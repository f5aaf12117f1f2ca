/* Storage from alloca used after a suspension point.  */
/* { dg-do compile } */
/* Reported at the suspension point the storage is live across.  */
#include <cpc.h>

coroutine_fn int
f (int n)
{
  int *p = __builtin_alloca (n * sizeof (int));
  p[0] = 1;
  cpc_suspend (); /* { dg-error "'alloca' storage is live across a suspension point" } */
  return p[0];
}
