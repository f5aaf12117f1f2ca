/* Variables of nested scopes, and a shadowed name.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;

coroutine_fn static void
body (void *opaque)
{
  int x = 1;
  int outer = 100;
  {
    int x = 2;
    int inner = 20;
    cpc_suspend ();
    use_int (x + inner);		/* { dg-final { gdb-test . "x" "2" } } */
    /* { dg-final { gdb-test 17 "inner" "20" } } */
    /* { dg-final { gdb-test 17 "outer" "100" } } */
    {
      double deep = 0.5 * inner;
      cpc_suspend ();
      use_double (deep);		/* { dg-final { gdb-test . "deep" "10" } } */
      /* { dg-final { gdb-test 23 "x" "2" } } */
      /* { dg-final { gdb-test 23 "inner" "20" } } */
      result += (int) deep + x;
    }
  }
  use_int (x);				/* { dg-final { gdb-test . "x" "1" } } */
  /* { dg-final { gdb-test 29 "outer" "100" } } */
  result += x + outer;
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 113)
    abort ();
  return 0;
}
