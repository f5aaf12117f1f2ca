/* The ramp of a coroutine_fn returning _Bool must not read the result
   slot when the body suspended (undefined as _Bool; -fsanitize=bool checks
   it).  */
/* Compiled everywhere; run where UBSan programs link and run (Debian 12
   has no libubsan for riscv64; lib/cpc.exp, ubsan_run).  */
/* { dg-do compile } */
/* { dg-do run { target ubsan_run } } */
/* { dg-options "-O0 -fsanitize=undefined -fno-sanitize-recover=all" } */
#include <cpc.h>
#include <stdlib.h>
#include <string.h>

coroutine_fn static _Bool
pass_through (_Bool v)
{
  cpc_suspend ();
  return v;
}

/* Leaves 0xbe bytes in the arena where pass_through's frame goes next.  */
coroutine_fn static int
dirty (void)
{
  volatile char buf[64];
  memset ((char *) buf, 0xbe, sizeof buf);
  cpc_suspend ();
  return buf[3];
}

static int done;

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  dirty ();
  if (!pass_through (1))
    abort ();
  done = 1;
}

int
main (void)
{
  cpc_coroutine *c = cpc_create (body, 0);
  while (!done)
    cpc_enter (c);
  return 0;
}
