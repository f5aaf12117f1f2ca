/* A loop with a suspension: the N-th stop shows the N-th iteration.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;

coroutine_fn static void
body (void *opaque)
{
  int sum = 0;
  int squares[5] = { 0 };
  for (int i = 0; i < 5; i++)
    {
      int sq = i * i;
      cpc_suspend ();
      squares[i] = sq;			/* { dg-final { gdb-test . "i" "0" } } */
      /* { dg-final { gdb-test 17:1 "sq" "0" } } */
      /* { dg-final { gdb-test 17:3 "i" "2" } } */
      /* { dg-final { gdb-test 17:3 "sq" "4" } } */
      /* { dg-final { gdb-test 17:5 "i" "4" } } */
      /* { dg-final { gdb-test 17:5 "sq" "16" } } */
      /* { dg-final { gdb-test 17:5 "sum" "6" } } */
      sum += i;
    }
  result = sum;				/* { dg-final { gdb-test . "squares" "{0, 1, 4, 9, 16}" } } */
  /* { dg-final { gdb-test 26 "sum" "10" } } */
  use_ptr (squares);
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 10)
    abort ();
  return 0;
}
