/* Register variables live across more suspension points than the spill
   limit (CPC_MAX_SPILL_POINTS) live in the frame for their whole life:
   arithmetic on them, their address never taken, a parameter among them,
   a temporary of an expression spanning suspensions, and a double.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static long
twice (long x)
{
  cpc_suspend ();
  return 2 * x;
}

coroutine_fn static long
many (long p)
{
  long a = p + 1, b = p * 3;
  double d = 0.5;
  unsigned char c = 7;
  for (int i = 0; i < 4; i++)
    {
      a += twice (b) - b;
      cpc_suspend ();
      b ^= a;
      cpc_suspend ();
      d *= 2;
      c += (unsigned char) a;
    }
  long e = a + twice (a + twice (b + twice (c)));
  cpc_suspend ();
  cpc_suspend ();
  cpc_suspend ();
  return e + (long) d + p + c;
}

static long
reference (long p)
{
  long a = p + 1, b = p * 3;
  double d = 0.5;
  unsigned char c = 7;
  for (int i = 0; i < 4; i++)
    {
      a += b;
      b ^= a;
      d *= 2;
      c += (unsigned char) a;
    }
  long e = a + 2 * (a + 2 * (b + 2 * c));
  return e + (long) d + p + c;
}

static long result;

coroutine_fn static void
body (void *opaque)
{
  result = many (*(long *) opaque);
  done = 1;
}

int
main (void)
{
  long arg = 12345;
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, &arg);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 1000)
	abort ();
    }
  if (result != reference (arg))
    abort ();
  /* 4 x (1 + 2) + 3 + 3 suspensions, plus the final entry.  */
  if (steps != 19)
    abort ();
  return 0;
}
