/* Coroutine functions returning structs (small and large) after suspending.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

struct pair { int a; long b; };
struct big { double d[12]; int tag; };

coroutine_fn static struct pair
make_pair (int a)
{
  struct pair p = { a, a * 1000L };
  cpc_suspend ();
  p.a++;
  return p;
}

coroutine_fn static struct big
make_big (int tag)
{
  struct big r;
  for (int i = 0; i < 12; i++)
    r.d[i] = tag + i * 0.5;
  cpc_suspend ();
  r.tag = tag;
  return r;
}

coroutine_fn static void
body (void *opaque)
{
  struct pair p = make_pair (7);
  if (p.a != 8 || p.b != 7000)
    abort ();
  struct big b = make_big (3);
  if (b.tag != 3 || b.d[0] != 3.0 || b.d[11] != 8.5)
    abort ();
  if (make_pair (1).b + make_big (2).tag != 1002)
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
  if (steps != 5)
    abort ();
#endif
  return 0;
}
