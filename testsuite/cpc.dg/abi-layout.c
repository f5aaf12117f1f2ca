/* The C view of struct cpc_frame (runtime/cpc-abi.h) and the plugin's
   frame header agree: offsets checked at run time, and the plugin's frame
   report shows the header at offset 0: three pointer-sized words (the
   unsigned state padded to a pointer's alignment), 24 bytes on LP64
   targets, 12 on ILP32 ones.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>
#include <stddef.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  cpc_suspend ();
  done = 1;
}

int
main (void)
{
  if (offsetof (struct cpc_frame, resume) != 0)
    abort ();
  if (offsetof (struct cpc_frame, caller) != sizeof (void *))
    abort ();
  if (offsetof (struct cpc_frame, state) != 2 * sizeof (void *))
    abort ();
  if (sizeof (struct cpc_frame) != 3 * sizeof (void *))
    abort ();
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    cpc_enter (co);
  return 0;
}

/* { dg-final { scan-frames "function 'body' at .*abi-layout.c:\[0-9\]+: 1 suspension point" } } */
/* { dg-final { scan-frames "^  field __hdr offset 0 size 24$" { target lp64 } } } */
/* { dg-final { scan-frames "^  field __hdr offset 0 size 12$" { target ilp32 } } } */
/* Where the parameter is passed in a register (LP64 targets here), the
   optimized ramp hands it over there: it is dead at the suspension
   point, so it has no field.  */
/* { dg-final { scan-frames-not "field opaque" { target lp64 } } } */
/* { dg-final { scan-frames "^  field opaque offset 12 size 4 \\(parameter\\)$" { target ilp32 } } } */
