/* "info args" and the frame line show the user's parameters, not the
   resume function's frame pointer, before and after suspensions.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;

struct point { int x, y; };

coroutine_fn static int
mix (int a, double f, struct point p, const char *s)
{
  use_int (a);				/* { dg-final { gdb-test-cmd . "info args" "^a = 3\nf = 2.5\np = .x = 4, y = 5.\ns = 0x\[0-9a-f\]+ \"A\"$" } } */
  /* { dg-final { gdb-test-cmd 14 "bt 1" "#0 +mix \\(a=3, f=2.5, p=\\.\\.\\., s=0x\[0-9a-f\]+ \"A\"\\) at \[^\n\]*args.c:14" } } */
  cpc_suspend ();
  use_int (p.x);			/* { dg-final { gdb-test-cmd . "info args" "^a = 3\nf = 2.5\np = .x = 4, y = 5.\ns = 0x\[0-9a-f\]+ \"A\"$" } } */
  /* { dg-final { gdb-test-cmd 17 "bt 1" "#0 +mix \\(a=3, f=2.5, p=\\.\\.\\., s=0x\[0-9a-f\]+ \"A\"\\) at \[^\n\]*args.c:17" } } */
  /* { dg-final { gdb-test-cmd 17 "info locals" "^__frame = 0x\[0-9a-f\]+$" } } */
  return a + p.x + p.y + (int) f + s[0];
}

coroutine_fn static int
down (int n)
{
  if (n == 0)
    {
      cpc_suspend ();
      return 0;
    }
  int r = down (n - 1);
  use_int (r);				/* { dg-final { gdb-test-cmd . "info args" "^n = 1$" } } */
  /* { dg-final { gdb-test-cmd 32:2 "info args" "^n = 2$" } } */
  /* { dg-final { gdb-test-cmd 32:2 "bt 1" "#0 +down \\(n=2\\) at \[^\n\]*args.c:32" } } */
  return r + n;
}

coroutine_fn static void
body (void *opaque)
{
  result = mix (3, 2.5, (struct point) { 4, 5 }, "A") + down (2);
  done = 1;
}

int
main (void)
{
  run_to_end (body, 0, &done, 10);
  if (result != 3 + 4 + 5 + 2 + 'A' + 3)
    abort ();
  return 0;
}
