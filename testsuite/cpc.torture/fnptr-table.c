/* A table of coroutine_fn pointers and a struct holding one, selected at run time.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

typedef long coroutine_fn binop (long, long);

coroutine_fn static long
add (long a, long b)
{
  cpc_suspend ();
  return a + b;
}

coroutine_fn static long
sub (long a, long b)
{
  cpc_suspend ();
  return a - b;
}

coroutine_fn static long
mul (long a, long b)
{
  return a * b;		/* never suspends */
}

static binop *const table[] = { add, sub, mul };

struct calc { binop *op; long init; };

coroutine_fn static void
body (void *opaque)
{
  long v = 1;
  for (int i = 0; i < 9; i++)
    v = table[i % 3] (v, i + 1);
  /* ((1+1-2)*3 + 4 - 5) * 6 + 7 - 8) * 9 */
  if (v != (((0 * 3 + 4 - 5) * 6 + 7 - 8) * 9))
    abort ();
  struct calc c = { sub, 100 };
  if (c.op (c.init, 1) != 99)
    abort ();
  done = 1;
}

int
main (void)
{
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 1000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 8)
    abort ();
#endif
  return 0;
}
