/* A loop around a suspension point stores its loop-invariant variables
   and its state on the way in, not at every suspension
   (plugin/spill-elim.cc): in gen_body, the yield benchmark's coroutine,
   g never changes and the loop suspends at point 1 only, so once the
   loop was entered the frame holds both, and each resume enters with
   the frame's own state (docs/ABI.md).  The copies go on the loop's
   entry from the fresh start, where the frame holds neither yet.  Where
   the target passes opaque in a register (LP64), g's copy is a store;
   on i686 the start of the body loads opaque from the slot g shares, so
   only the state needs one.  A loop whose iterations need not suspend
   (around a call that suspends sometimes, or a suspension on some
   iterations) holds nothing at its latch, and nothing moves: a run that
   never suspends pays no store, and the state store stays.  (Other
   spills may still be redundant without a move: on i686 one of their
   three is, a parameter that shares its slot.)  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

struct gen { long count; int stop; };

coroutine_fn void
gen_body (void *opaque)
{
  struct gen *g = opaque;
  while (!g->stop)
    {
      g->count++;
      cpc_suspend ();
    }
}

extern int cond (int);

coroutine_fn int
maybe (int k)
{
  if (cond (k))
    cpc_suspend ();
  return k;
}

coroutine_fn void
calls (int *out)
{
  int sum = 0;
  for (int i = 0; i < 10; i++)
    sum += maybe (i) + *out;
  *out = sum;
}

coroutine_fn void
some_iterations (int *out)
{
  int sum = 0;
  for (int i = 0; i < 10; i++)
    {
      if (cond (i))
	cpc_suspend ();
      sum += *out;
    }
  *out = sum;
}

/* { dg-final { scan-frames "function 'gen_body': 1 of 1 spills dropped as redundant, 1 of 1 state stores, 2 stores hoisted to loop entries" { target lp64 } } } */
/* { dg-final { scan-frames "function 'gen_body': 1 of 1 spills dropped as redundant, 1 of 1 state stores, 1 store hoisted to loop entries" { target ilp32 } } } */
/* { dg-final { scan-frames "function 'calls': \[0-9\]+ of \[0-9\]+ spills dropped as redundant, 0 of 1 state stores, 0 stores hoisted" } } */
/* { dg-final { scan-frames "function 'some_iterations': \[0-9\]+ of \[0-9\]+ spills dropped as redundant, 0 of 1 state stores, 0 stores hoisted" } } */
