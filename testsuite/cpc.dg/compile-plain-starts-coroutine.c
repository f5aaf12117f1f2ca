/* A plain function creating and entering a coroutine compiles and links
   clean; cpc_self and cpc_in_coroutine are plain functions.  */
/* { dg-do link } */
#include <cpc.h>

coroutine_fn static void
entry (void *opaque)
{
  cpc_suspend ();
  *(int *) opaque = 1;
}

int
main (void)
{
  int done = 0;
  cpc_coroutine *co = cpc_create (entry, &done);
  while (!done)
    cpc_enter (co);
  return cpc_self () != NULL || cpc_in_coroutine ();
}
