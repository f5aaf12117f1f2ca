/* Parameters and locals live across suspensions are saved, tagged as
   parameter and local, with their sizes.  (Parameters are always stored
   by the ramp, see docs/ABI.md, so a dead one is not checked for.)  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn long
f (long p, char c, double d)
{
  short s = c;
  cpc_suspend ();
  return p + s + (long) d;
}

/* { dg-final { scan-frames "field p offset \[0-9\]+ size 8 .parameter." { target lp64 } } } */
/* { dg-final { scan-frames "field p offset \[0-9\]+ size 4 .parameter." { target ilp32 } } } */
/* { dg-final { scan-frames "field d offset \[0-9\]+ size 8 .parameter." } } */
/* { dg-final { scan-frames "field s offset \[0-9\]+ size 2 .local." } } */
