/* The C view of struct cpc_frame (runtime/cpc-abi.h) and the plugin's
   frame header agree: offsets checked at run time, and the plugin's frame
   report shows the 24-byte header at offset 0 on x86-64.  */
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
#ifdef __x86_64__
  if (sizeof (struct cpc_frame) != 24)
    abort ();
#endif
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    cpc_enter (co);
  return 0;
}

/* { dg-final { scan-frames "function 'body' at .*abi-layout.c:\[0-9\]+: 1 suspension point" } } */
/* { dg-final { scan-frames "^  field __hdr offset 0 size 24$" { target x86_64-*-* } } } */
