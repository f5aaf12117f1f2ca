/* A local dead across every suspension point stays out of the frame;
   one live across a suspension is in it.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn int
f (int a)
{
  int y = a * 3;	/* used only before the suspension */
  int x = y + 1;	/* live across it */
  cpc_suspend ();
  return x;
}

/* { dg-final { scan-frames "function 'f' at .*: 1 suspension points?, frame \[0-9\]+ bytes" } } */
/* { dg-final { scan-frames "field x offset \[0-9\]+ size 4 .local." } } */
/* { dg-final { scan-frames-not "field y " } } */
