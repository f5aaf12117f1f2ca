/* Values that are spilled again unchanged after a resume (the plugin
   drops those spills, plugin/spill-elim.cc) next to values that change
   on some paths only, copies between variables, and variables that share
   a frame slot one after the other: every value must survive every
   suspension.  */
#include <cpc.h>
#include <stdlib.h>

static int done;
static volatile int one = 1;

coroutine_fn static __attribute__ ((noinline)) int
maybe_suspend (int k)
{
  if (k & one)
    cpc_suspend ();
  return k;
}

coroutine_fn static void
body (void *opaque)
{
  long *out = opaque;
  long a = 7, b = 100, sum = 0;
  for (int i = 0; i < 12; i++)
    {
      /* a changes on odd i only; b never; c copies a and outlives it.  */
      if (i & 1)
	a += i;
      long c = a;
      cpc_suspend ();
      sum += a + b + c;
      maybe_suspend (i);
      if (c != a)
	abort ();
    }
  if (a != 7 + 1 + 3 + 5 + 7 + 9 + 11)
    abort ();
  /* x and y are live in turn and may share a slot; y starts as a copy of
     x's last value, then x's slot is reused.  */
  {
    long x = sum;
    cpc_suspend ();
    x += maybe_suspend (3);
    sum = x;
  }
  {
    long y = sum * 2;
    cpc_suspend ();
    y -= maybe_suspend (4);
    sum = y;
  }
  *out = sum;
  done = 1;
}

int
main (void)
{
  long result = 0;
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, &result);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 1000)
	abort ();
    }
  /* sum over i of (a_i + 100 + a_i), a_i after the update at i.  */
  long a = 7, expect = 0;
  for (int i = 0; i < 12; i++)
    {
      if (i & 1)
	a += i;
      expect += 2 * a + 100;
    }
  expect = (expect + 3) * 2 - 4;
  if (result != expect)
    abort ();
  return 0;
}
