/* A void coroutine_fn has no __retval field.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn void
f (int x)
{
  cpc_suspend ();
  (void) x;
}

/* { dg-final { scan-frames "field __hdr offset 0 " } } */
/* { dg-final { scan-frames-not "__retval" } } */
