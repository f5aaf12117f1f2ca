/* Storage from alloca used after a suspension point.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn int
f (int n)
{
  int *p = __builtin_alloca (n * sizeof (int)); /* { dg-error "'alloca' storage is live across a suspension point" } */
  p[0] = 1;
  cpc_suspend ();
  return p[0];
}
