/* Values of type unsigned __int128 survive suspensions: parameters, locals, an
   array, and values passed to and returned from a suspending coroutine_fn
   (also used inside an expression).  */
/* __int128 exists on 64-bit targets only.  */
/* { dg-do run { target int128 } } */
#include <cpc.h>
#include <stdlib.h>

typedef unsigned __int128 T;

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
  T a = ~(unsigned __int128) 0;
  T b = *(T *) opaque;
  T arr[3] = { ~(unsigned __int128) 0, (unsigned __int128) 1 << 127, ~(unsigned __int128) 0 };
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
  T arg = (unsigned __int128) 1 << 127;
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
