/* An address-taken local whose scope contains a suspension point is in
   the frame even if it is not used after it; an address-taken local whose
   scope ends before the suspension is not.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

extern void observe (int *);

coroutine_fn void
f (void)
{
  int spans = 1;
  observe (&spans);
  {
    int ends = 2;
    observe (&ends);
  }
  cpc_suspend ();
}

/* { dg-final { scan-frames "field spans offset \[0-9\]+ size 4 .local." } } */
/* { dg-final { scan-frames-not "field ends " } } */
