/* A non-void coroutine_fn has __retval right after the header, with the
   size of its return type (long: 8 bytes after a 24-byte header on LP64
   targets, 4 after 12 on ILP32 ones).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

coroutine_fn long
f (void)
{
  cpc_suspend ();
  return 5;
}

/* { dg-final { scan-frames "^  field __hdr offset 0 size 24$" { target lp64 } } } */
/* { dg-final { scan-frames "^  field __retval offset 24 size 8$" { target lp64 } } } */
/* { dg-final { scan-frames "^  field __hdr offset 0 size 12$" { target ilp32 } } } */
/* { dg-final { scan-frames "^  field __retval offset 12 size 4$" { target ilp32 } } } */
