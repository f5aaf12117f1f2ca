/* A spill that stores back the value its slot already holds is dropped
   (plugin/spill-elim.cc): in gen, g is reloaded at every resume (or, on
   the first run, copied from opaque, whose slot it shares) and never
   changes, so its spill at the suspension point is redundant; in count,
   out's spill goes the same way, and i, which changes between
   suspensions, keeps its spill.  cpc.torture and
   cpc.diff check that the programs still behave.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

struct gen { long count; int stop; };

coroutine_fn void
gen (void *opaque)
{
  struct gen *g = opaque;
  while (!g->stop)
    {
      g->count++;
      cpc_suspend ();
    }
}

coroutine_fn void
count (int *out)
{
  for (int i = 0; i < 10; i++)
    {
      cpc_suspend ();
      *out += i;
    }
}

/* { dg-final { scan-frames "function 'gen': 1 of 1 spills dropped as redundant" } } */
/* { dg-final { scan-frames "function 'count': 1 of 2 spills dropped as redundant" } } */
