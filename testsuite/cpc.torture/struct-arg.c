/* Coroutine functions taking structs by value; the callee's copy is independent of the caller's.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

struct vec { double x, y, z; };
struct blob { char bytes[100]; int len; };

coroutine_fn static double
dot (struct vec a, struct vec b)
{
  cpc_suspend ();
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

coroutine_fn static int
sum_blob (struct blob bl)
{
  int s = 0;
  bl.bytes[0] = 0;		/* modifies the callee's copy only */
  cpc_suspend ();
  for (int i = 0; i < bl.len; i++)
    s += bl.bytes[i];
  return s;
}

coroutine_fn static void
body (void *opaque)
{
  struct vec u = { 1, 2, 3 }, v = { 4, 5, 6 };
  if (dot (u, v) != 32.0)
    abort ();
  struct blob bl;
  bl.len = 100;
  for (int i = 0; i < 100; i++)
    bl.bytes[i] = 1;
  if (sum_blob (bl) != 99 || bl.bytes[0] != 1)
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
