/* Values of type a 16-byte struct (passed in registers on x86-64 and
   aarch64; long long, not long, so that it has 16 bytes on ILP32 targets
   too) survive suspensions: parameters, locals, an
   array, and values passed to and returned from a suspending coroutine_fn
   (also used inside an expression).  */
#include <cpc.h>
#include <stdlib.h>

typedef struct { long long a; double b; } T;

static int
eq (T x, T y)
{
  return x.a == y.a && x.b == y.b;
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
  T a = { 123456789012LL, 0.5 };
  T b = *(T *) opaque;
  T arr[3] = { { 123456789012LL, 0.5 }, { -1L, -2.75 }, { 123456789012LL, 0.5 } };
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
  T arg = { -1L, -2.75 };
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
