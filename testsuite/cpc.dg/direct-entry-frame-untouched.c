/* An optimized call of a coroutine function that does not suspend writes
   nothing to its frame: the ramp passes the parameters in registers
   (they are dead at the suspension points, so they have no field), stores
   no state, and takes the result as the resume function's return value
   (plugin/rewrite.cc, "direct entry").  The bytes the callee's frame
   occupies, just above the arena's bump pointer, keep a pattern written
   before the call.  Only where the target passes the parameters in
   registers (here the LP64 targets; i686 passes them on the stack, where
   the runtime's call of the resume function would not provide them).  */
/* { dg-do run { target lp64 } } */
/* { dg-require-effective-target inline_arena } */
/* { dg-options "-O2" } */
#include <cpc.h>
#include <stdlib.h>
#include <string.h>

volatile int never;

coroutine_fn static __attribute__ ((noinline)) long
add (long a, int b, char c)
{
  if (never)
    cpc_suspend ();
  return a + b + c;
}

coroutine_fn static __attribute__ ((noinline)) void *
pick (void *p, void *q)
{
  if (never)
    cpc_suspend ();
  return never ? p : q;
}

static int checked;

/* Its frame (the array is memory, live across the suspension point) does
   not fit the coroutine's inline chunk: it and the frames of its callees
   go to a chunk of their own, with room above the bump pointer.  */
coroutine_fn static __attribute__ ((noinline)) void
check (void)
{
  char pad[100];
  memset (pad, 1, sizeof pad);
  if (never)
    cpc_suspend ();
  unsigned char *above = (unsigned char *) cpc__current->bump;
  size_t n = (size_t) (cpc__arena_end - cpc__current->bump);
  if (n > 256)
    n = 256;
  if (n < 64)
    abort ();
  memset (above, 0xa5, n);
  long r = add (40, 1, 1);
  void *s = pick (0, &checked);
  for (size_t i = 0; i < n; i++)
    if (above[i] != 0xa5)
      abort ();
  if (r != 42 || s != &checked || pad[99] != 1)
    abort ();
  checked = 1;
}

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  check ();
}

int
main (void)
{
  cpc_enter (cpc_create (body, NULL));
  if (!checked)
    abort ();
  return 0;
}
