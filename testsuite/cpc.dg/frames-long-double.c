/* long double is the most target-dependent scalar: x87 extended precision
   in 12 bytes aligned to 4 on i686, in 16 aligned to 16 on x86-64, IEEE
   binary128 (software) in 16 bytes aligned to 16 on aarch64 and riscv64,
   to 8 on s390x.  Its frame slots have the target's size and alignment, and a
   value that needs every bit of the mantissa survives suspensions as a
   parameter, a local and the result.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>
#include <float.h>
#include <stdlib.h>

static int done;

coroutine_fn static long double
scale (long double x, int n)
{
  long double y = x * 2;	/* exact */
  while (n-- > 0)
    cpc_suspend ();
  return y - x;			/* exact: x again */
}

coroutine_fn static void
body (void *opaque)
{
  long double x = *(long double *) opaque;
  long double r = scale (x, 2);
  cpc_suspend ();
  if (r != x || r == 1.0L)
    abort ();
  done = 1;
}

int
main (void)
{
  /* 1 + the smallest step: lost in any narrower format.  */
  long double x = 1.0L + LDBL_EPSILON;
  cpc_coroutine *co = cpc_create (body, &x);
  while (!done)
    cpc_enter (co);
  return 0;
}

/* The result slot follows the 24- or 12-byte header at the type's
   alignment; every long double slot has the type's size.  */
/* { dg-final { scan-frames "^  field __retval offset 32 size 16$" { target x86_64-*-* aarch64-*-* riscv64-*-* } } } */
/* { dg-final { scan-frames "^  field __retval offset 24 size 16$" { target s390x-*-* } } } */
/* { dg-final { scan-frames "^  field __retval offset 12 size 12$" { target i?86-*-* } } } */
/* { dg-final { scan-frames "^  field x offset \[0-9\]+ size 16 \\(parameter\\)$" { target x86_64-*-* aarch64-*-* riscv64-*-* s390x-*-* } } } */
/* { dg-final { scan-frames "^  field y offset \[0-9\]+ size 16 \\(local\\)$" { target x86_64-*-* aarch64-*-* riscv64-*-* s390x-*-* } } } */
/* { dg-final { scan-frames "^  field x offset \[0-9\]+ size 12 \\(parameter\\)$" { target i?86-*-* } } } */
/* { dg-final { scan-frames "^  field y offset \[0-9\]+ size 12 \\(local\\)$" { target i?86-*-* } } } */
