/* A spill that stores back the value its slot already holds is dropped
   (plugin/spill-elim.cc).  In gen, g is reloaded at every resume and
   never changes, so its spill at the second suspension point is
   redundant; in count, out goes the same way, and i, which changes
   between suspensions, keeps its spill.  The spills at the first point
   depend on how the ramp hands the parameters over: where the target
   passes them in registers (the LP64 targets), the optimized ramp writes
   nothing to the frame, so the first spill of g and of out must store;
   where they travel in the frame (i686), the start of the body loads
   them from their slots, and those spills are redundant too (g shares
   opaque's slot).  cpc.torture and cpc.diff check that the programs
   still behave.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

struct gen { long count; int stop; };

coroutine_fn void
gen (void *opaque)
{
  struct gen *g = opaque;
  cpc_suspend ();
  while (!g->stop)
    {
      g->count++;
      cpc_suspend ();
    }
}

coroutine_fn void
count (int *out)
{
  cpc_suspend ();
  for (int i = 0; i < 10; i++)
    {
      cpc_suspend ();
      *out += i;
    }
}

/* { dg-final { scan-frames "function 'gen': 1 of 2 spills dropped as redundant" { target lp64 } } } */
/* { dg-final { scan-frames "function 'count': 1 of 3 spills dropped as redundant" { target lp64 } } } */
/* { dg-final { scan-frames "function 'gen': 2 of 2 spills dropped as redundant" { target ilp32 } } } */
/* { dg-final { scan-frames "function 'count': 2 of 3 spills dropped as redundant" { target ilp32 } } } */
