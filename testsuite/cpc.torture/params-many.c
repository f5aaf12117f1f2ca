/* A coroutine function with 14 parameters of mixed types, all used after a suspension.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

struct s { int a, b; };

coroutine_fn static double
many (char c, short s, int i, long l, long long ll, unsigned u,
      float f, double d, long double ld, void *p, struct s st,
      _Bool flag, unsigned char uc, int last)
{
  cpc_suspend ();
  if (c != 'c' || s != -2 || i != 3 || l != -4 || ll != 5 || u != 6
      || f != 7.5f || d != 8.25 || ld != 9.125L || p != (void *) &many
      || st.a != 11 || st.b != 12 || !flag || uc != 255 || last != 14)
    abort ();
  cpc_suspend ();
  return c + s + i + l + ll + u + f + d + (double) ld + st.a + st.b + flag
	 + uc + last;
}

coroutine_fn static void
body (void *opaque)
{
  struct s st = { 11, 12 };
  double r = many ('c', -2, 3, -4, 5, 6, 7.5f, 8.25, 9.125L, (void *) &many,
		   st, 1, 255, 14);
  if (r != 99 - 2 + 3 - 4 + 5 + 6 + 7.5 + 8.25 + 9.125 + 23 + 1 + 255 + 14)
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
  if (steps != 3)
    abort ();
#endif
  return 0;
}
