/* Recursion: at each stop gdb shows the values of the right instance.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;

coroutine_fn static int
depth (int n)
{
  int mine = n * 10;
  if (n == 0)
    {
      cpc_suspend ();
      return 1;
    }
  int below = depth (n - 1);
  use_int (below);			/* { dg-final { gdb-test . "n" "1" } } */
  /* { dg-final { gdb-test 18:1 "mine" "10" } } */
  /* { dg-final { gdb-test 18:1 "below" "1" } } */
  /* { dg-final { gdb-test 18:2 "n" "2" } } */
  /* { dg-final { gdb-test 18:2 "mine" "20" } } */
  /* { dg-final { gdb-test 18:2 "below" "11" } } */
  /* { dg-final { gdb-test 18:3 "n" "3" } } */
  /* { dg-final { gdb-test 18:3 "below" "31" } } */
  return below + mine;
}

coroutine_fn static void
body (void *opaque)
{
  result = depth (3);
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 61)
    abort ();
  return 0;
}
