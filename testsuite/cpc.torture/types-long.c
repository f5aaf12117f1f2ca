/* Values of type long survive suspensions: parameters, locals, an
   array, and values passed to and returned from a suspending coroutine_fn
   (also used inside an expression).  */
#include <cpc.h>
#include <stdlib.h>

typedef long T;

/* A value with bits in every byte, and the largest one: 64-bit long on
   LP64 targets, 32-bit on ILP32 ones (i686).  */
#if __SIZEOF_LONG__ == 8
# define V1 (-0x123456789abcdefL)
# define V2 0x7fffffffffffffffL
#else
# define V1 (-0x1234567L)
# define V2 0x7fffffffL
#endif

static int
eq (T x, T y)
{
  return x == y;
}

static int done;

coroutine_fn static T
pass_through (T v, int n)
{
  T copy = v;
  while (n-- > 0)
    cpc_suspend ();
  return copy;
}

coroutine_fn static void
body (void *opaque)
{
  T a = V1;
  T b = *(T *) opaque;
  T arr[3] = { V1, V2, V1 };
  cpc_suspend ();
  if (!eq (a, arr[0]) || !eq (b, arr[1]))
    abort ();
  T c = pass_through (a, 2);
  if (!eq (c, arr[2]))
    abort ();
  if (!eq (pass_through (b, 1), arr[1]))
    abort ();
  cpc_suspend ();
  if (!eq (a, c) || !eq (arr[0], arr[2]) || !eq (b, arr[1]))
    abort ();
  done = 1;
}

int
main (void)
{
  T arg = V2;
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, &arg);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 6)
    abort ();
#endif
  return 0;
}
