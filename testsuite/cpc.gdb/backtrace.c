/* bt, cpc bt and info cpc: in a coroutine that runs for the first time
   (its callers are on the machine stack), after a resume (its callers are
   suspended frames), and from plain code about a suspended coroutine.  */
/* { dg-do run } */
#include "gdb-common.h"

static int done;
static int result;
cpc_coroutine *co_main, *co_other;	/* global: kept at -O2 */

coroutine_fn static int
leaf (int k)
{
  int twice = 2 * k;
  use_int (twice);			/* { dg-final { gdb-test-bt . "#0 +leaf .*middle.*body" } } */
  /* { dg-final { gdb-test-cmd 15 "cpc bt" "#0 +leaf at \[^\n\]*backtrace.c:15\n#1 +middle at \[^\n\]*backtrace.c:28\n#2 +body at \[^\n\]*backtrace.c:37" } } */
  cpc_suspend ();
  use_int (twice);			/* { dg-final { gdb-test-bt . "#0 +leaf .*\n +\\\[cpc\\\] middle \[^\n\]* at \[^\n\]*backtrace.c:28\n +\\\[cpc\\\] body \[^\n\]* at \[^\n\]*backtrace.c:37\n#\[0-9\]+ \[^\n\]*cpc_enter \[^\n\]*\n#\[0-9\]+ .*main" } } */
  /* { dg-final { gdb-test-cmd 18 "cpc bt" "coroutine 0x\[0-9a-f\]+ \\(running\\)\n#0 +leaf at \[^\n\]*backtrace.c:18\n#1 +middle at \[^\n\]*backtrace.c:28 +\\\[suspended\\\]\n#2 +body at \[^\n\]*backtrace.c:37 +\\\[suspended\\\]" } } */
  /* { dg-final { gdb-test-cmd 18 "cpc bt -full" "#1 +middle at \[^\n\]*\n +m = 7\n.*#2 +body at \[^\n\]*\n(?: +\[a-z\]+ = \[^\n\]*\n)* +local = 42" } } */
  /* { dg-final { gdb-test-cmd 18 "info cpc" "\\* 1 +0x\[0-9a-f\]+ +1 +running +body +leaf at \[^\n\]*backtrace.c:18" } } */
  return twice + 1;
}

coroutine_fn static int
middle (int m)
{
  int r = leaf (m);
  cpc_suspend ();
  return r + m;
}

coroutine_fn static void
body (void *opaque)
{
  int local = 42;
  result = middle (7) + local;
  done = 1;
}

coroutine_fn static void
other (void *opaque)
{
  for (;;)
    cpc_suspend ();
}

int
main (void)
{
  co_other = cpc_create (other, 0);
  cpc_enter (co_other);
  co_main = cpc_create (body, 0);
  cpc_enter (co_main);
  use_ptr (co_main);			/* { dg-final { gdb-test-cmd . "cpc bt co_main" "coroutine 0x\[0-9a-f\]+ \\(suspended\\)\n#0 +leaf at \[^\n\]*backtrace.c:17 +\\\[suspended\\\]\n#1 +middle at \[^\n\]*backtrace.c:28 +\\\[suspended\\\]\n#2 +body at \[^\n\]*backtrace.c:37" } } */
  /* { dg-final { gdb-test-cmd 55 "cpc bt -full co_main" "#0 +leaf at \[^\n\]*\n +k = 7\n +twice = 14\n" } } */
  /* { dg-final { gdb-test-cmd 55 "cpc bt co_other" "#0 +other at \[^\n\]*backtrace.c:45 +\\\[suspended\\\]" } } */
  /* { dg-final { gdb-test-cmd 55 "info cpc" "0x\[0-9a-f\]+ +1 +suspended +body +leaf at \[^\n\]*backtrace.c:17" } } */
  /* { dg-final { gdb-test-cmd 55 "info cpc" "0x\[0-9a-f\]+ +1 +suspended +other +other at \[^\n\]*backtrace.c:45" } } */
  while (!done)
    cpc_enter (co_main);
  if (result != 15 + 7 + 42)
    abort ();
  return 0;
}
