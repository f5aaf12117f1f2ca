/* Variables of disjoint scopes, each live across its own suspension
   point, share a frame slot (the frame report says so); gdb prints each
   one's own value where it is in scope.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-cpc-dump-frames" } */
#include "gdb-common.h"

static int done;
static int result;

coroutine_fn static void
body (void *opaque)
{
  {
    int first = 11;
    cpc_suspend ();
    use_int (first);			/* { dg-final { gdb-test . "first" "11" } } */
    result += first;
  }
  {
    int second = 33;
    cpc_suspend ();
    use_int (second);			/* { dg-final { gdb-test . "second" "33" } } */
    /* { dg-final { gdb-test-cmd 23 "cpc bt -full" "#0 +body at \[^\n\]*shared-slot.c:23\n +second = 33\n" } } */
    result += second;
  }
  {
    double third = 0.25;
    cpc_suspend ();
    use_double (third);			/* { dg-final { gdb-test . "third" "0.25" } } */
    result += (int) (third * 4);
  }
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 45)
    abort ();
  return 0;
}
/* { dg-final { scan-frames "field first offset (\[0-9\]+) size 4 \\(local, shared slot" } } */
/* { dg-final { scan-frames "field second offset (\[0-9\]+) size 4 \\(local, shared slot" } } */
