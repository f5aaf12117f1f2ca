/* Values of type a struct larger than 64 bytes survive suspensions: parameters, locals, an
   array, and values passed to and returned from a suspending coroutine_fn
   (also used inside an expression).  */
#include <cpc.h>
#include <stdlib.h>

typedef struct { int tag; long v[20]; char name[13]; } T;

static int
eq_large (const T *x, const T *y)
{
  if (x->tag != y->tag || __builtin_strcmp (x->name, y->name) != 0)
    return 0;
  for (int i = 0; i < 20; i++)
    if (x->v[i] != y->v[i])
      return 0;
  return 1;
}

static int
eq (T x, T y)
{
  return eq_large (&x, &y);
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
  T a = { 1, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, "first value" };
  T b = *(T *) opaque;
  T arr[3] = { { 1, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, "first value" }, { 2, { [19] = -19, [0] = -1 }, "second" }, { 1, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, "first value" } };
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
  T arg = { 2, { [19] = -19, [0] = -1 }, "second" };
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
