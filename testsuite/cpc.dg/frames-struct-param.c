/* A struct parameter and a large local array live across a suspension
   are saved with their full sizes (ten longs: 80 bytes on LP64, 40 on
   ILP32).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

struct big { long v[10]; };

coroutine_fn long
f (struct big b)
{
  char buf[100];
  buf[0] = (char) b.v[0];
  cpc_suspend ();
  return b.v[9] + buf[0];
}

/* { dg-final { scan-frames "field b offset \[0-9\]+ size 80 .parameter." { target lp64 } } } */
/* { dg-final { scan-frames "field b offset \[0-9\]+ size 40 .parameter." { target ilp32 } } } */
/* { dg-final { scan-frames "field buf offset \[0-9\]+ size 100 .local." } } */
