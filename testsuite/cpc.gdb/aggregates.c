/* Structs, arrays and pointers to locals across suspensions.  */
/* { dg-do run } */
#include "gdb-common.h"

struct point { int x; double y; };
static int done;
static int result;

coroutine_fn static void
body (void *opaque)
{
  struct point p = { 3, 4.5 };
  int arr[4] = { 1, 2, 3, 4 };
  int *pa = &arr[2];
  struct point *pp = &p;
  use_ptr (pa);				/* { dg-final { gdb-test . "p" "{x = 3, y = 4.5}" } } */
  /* { dg-final { gdb-test 16 "arr" "{1, 2, 3, 4}" } } */
  /* { dg-final { gdb-test 16 "*pa" "3" } } */
  cpc_suspend ();
  p.x += 10;
  arr[0] = 7;
  *pa = 30;
  use_ptr (pp);				/* { dg-final { gdb-test . "p" "{x = 13, y = 4.5}" } } */
  /* { dg-final { gdb-test 23 "arr" "{7, 2, 30, 4}" } } */
  /* { dg-final { gdb-test 23 "*pa" "30" } } */
  /* { dg-final { gdb-test 23 "pa == &arr\[2\]" "1" } } */
  /* { dg-final { gdb-test 23 "pp->y" "4.5" } } */
  /* { dg-final { gdb-test 23 "pp == &p" "1" } } */
  /* { dg-final { gdb-test 23 "sizeof (arr)" "16" } } */
  cpc_suspend ();
  result = p.x + arr[0] + *pa + (int) pp->y;
  done = 1;				/* { dg-final { gdb-test . "result" "54" } } */
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 54)
    abort ();
  return 0;
}
