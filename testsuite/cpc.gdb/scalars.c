/* Ints, doubles and parameters before and after one suspension.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;

coroutine_fn static int
scale (int a, double f)
{
  int b = a + 1;
  double g = f * 2.0;
  use_int (b);				/* { dg-final { gdb-test . "a" "5" } } */
  /* { dg-final { gdb-test 13 "f" "1.25" } } */
  /* { dg-final { gdb-test 13 "b" "6" } } */
  cpc_suspend ();
  use_double (g);			/* { dg-final { gdb-test . "g" "2.5" } } */
  /* { dg-final { gdb-test 17 "a" "5" } } */
  /* { dg-final { gdb-test 17 "f" "1.25" } } */
  /* { dg-final { gdb-test 17 "b" "6" } } */
  /* { dg-final { gdb-test 17 "a + b" "11" } } */
  return b * (int) g;
}

coroutine_fn static void
body (void *opaque)
{
  int base = *(int *) opaque;
  int r = scale (base, 1.25);
  use_int (r);				/* { dg-final { gdb-test . "r" "12" } } */
  /* { dg-final { gdb-test 30 "base" "5" } } */
  result = r;
  done = 1;
}

int
main (void)
{
  int five = 5;
  run_to_end (body, &five, &done, 10);
  if (result != 12)
    abort ();
  return 0;
}
