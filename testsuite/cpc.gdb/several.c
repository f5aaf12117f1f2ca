/* Values after several suspensions, in a callee and its caller.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static long result;

coroutine_fn static long
steps (int n, long acc)
{
  long a = acc;
  int i = n;
  cpc_suspend ();
  a += 10;
  cpc_suspend ();
  a *= 3;
  cpc_suspend ();
  use_int (i);				/* { dg-final { gdb-test . "a" "36" } } */
  /* { dg-final { gdb-test 18 "i" "2" } } */
  /* { dg-final { gdb-test 18 "n" "2" } } */
  /* { dg-final { gdb-test 18 "acc" "2" } } */
  a -= i;
  cpc_suspend ();
  return a;				/* { dg-final { gdb-test . "a" "34" } } */
}

coroutine_fn static void
body (void *opaque)
{
  double before = 1.5;
  long r1 = steps (2, 2);
  use_int ((int) r1);			/* { dg-final { gdb-test . "r1" "34" } } */
  /* { dg-final { gdb-test 32 "before" "1.5" } } */
  long r2 = steps (1, r1);
  result = r1 + r2;			/* { dg-final { gdb-test . "r2" "131" } } */
  /* { dg-final { gdb-test 35 "r1" "34" } } */
  /* { dg-final { gdb-test 35 "before" "1.5" } } */
  use_double (before);
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 20);
  if (result != 165)
    abort ();
  return 0;
}
