/* Other tools: addr2line maps the transformed code (the resume function
   "work.resume") back to the user's function name and lines, before and
   after a suspension.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;

coroutine_fn static int
work (int n)
{
  int acc = n * 3;
  use_int (acc);			/* { dg-final { addr2line-test . "work" } } */
  cpc_suspend ();
  acc += 4;
  use_int (acc);			/* { dg-final { addr2line-test . "work" } } */
  return acc;
}

coroutine_fn static void
body (void *opaque)
{
  result = work (5);
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 19)
    abort ();
  return 0;
}
