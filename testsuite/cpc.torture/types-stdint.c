/* Values of type int8_t .. uint64_t survive suspensions: parameters, locals, an
   array, and values passed to and returned from a suspending coroutine_fn
   (also used inside an expression).  */
#include <cpc.h>
#include <stdlib.h>

#include <stdint.h>
typedef struct { int8_t a; uint8_t b; int16_t c; uint16_t d; int32_t e; uint32_t f; int64_t g; uint64_t h; } T;

static int
eq (T x, T y)
{
  return x.a == y.a && x.b == y.b && x.c == y.c && x.d == y.d && x.e == y.e && x.f == y.f && x.g == y.g && x.h == y.h;
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
  T a = { -8, 200, -16000, 60000, -2000000000, 4000000000u, INT64_MIN, UINT64_MAX };
  T b = *(T *) opaque;
  T arr[3] = { { -8, 200, -16000, 60000, -2000000000, 4000000000u, INT64_MIN, UINT64_MAX }, { 1, 2, 3, 4, 5, 6, 7, 8 }, { -8, 200, -16000, 60000, -2000000000, 4000000000u, INT64_MIN, UINT64_MAX } };
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
  T arg = { 1, 2, 3, 4, 5, 6, 7, 8 };
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
