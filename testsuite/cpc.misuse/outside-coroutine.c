/* A coroutine_fn reached from plain code through a laundered pointer (the
   plugin diagnoses every direct way): the runtime stops it.  */
/* { dg-output "cpc: a coroutine_fn was called outside any coroutine" } */
#include <cpc.h>

typedef void (*plain_fn) (void);

int
main (void)
{
  void *laundered = (void *) cpc_suspend;
  plain_fn f = (plain_fn) laundered;
  f ();
  return 0;
}
