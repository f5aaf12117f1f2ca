/* A coroutine_fn without suspension points is still reported.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn int
quick (int x)
{
  int y = x * x;
  return y + 1;
}

/* { dg-final { scan-frames "function 'quick' at .*frames-no-suspend.c:7: 0 suspension points, frame \[0-9\]+ bytes" } } */
/* { dg-final { scan-frames-not "suspend 1 " } } */
/* { dg-final { scan-frames-not "field x " } } */
/* { dg-final { scan-frames-not "field y " } } */
