/* The suspension points are listed in order with their lines and what
   they call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn int bar (int);

coroutine_fn int
foo (int x)
{
  int a = bar (x);
  cpc_suspend ();
  return bar (a) + 1;
}

/* { dg-final { scan-frames "function 'foo' at .*frames-suspend-lines.c:10: 3 suspension points" } } */
/* { dg-final { scan-frames "^  suspend 1 at .*frames-suspend-lines.c:12: call to 'bar'$" } } */
/* { dg-final { scan-frames "^  suspend 2 at .*frames-suspend-lines.c:13: cpc_suspend$" } } */
/* { dg-final { scan-frames "^  suspend 3 at .*frames-suspend-lines.c:14: call to 'bar'$" } } */
/* { dg-final { scan-frames-not "suspend 4 " } } */
