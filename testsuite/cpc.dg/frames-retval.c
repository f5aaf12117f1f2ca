/* A non-void coroutine_fn has __retval right after the header, with the
   size of its return type.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn long
f (void)
{
  cpc_suspend ();
  return 5;
}

/* { dg-final { scan-frames "^  field __hdr offset 0 size 24$" { target x86_64-*-* } } } */
/* { dg-final { scan-frames "^  field __retval offset 24 size 8$" { target x86_64-*-* } } } */
