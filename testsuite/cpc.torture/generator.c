/* A generator: the coroutine produces values one at a time through a shared slot, suspending after each.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

struct gen { int value; int finished; };

coroutine_fn static void
produce (struct gen *g, int n)
{
  int a = 0, b = 1;
  for (int i = 0; i < n; i++)
    {
      g->value = a;
      cpc_suspend ();
      int t = a + b;
      a = b;
      b = t;
    }
}

coroutine_fn static void
body (void *opaque)
{
  produce (opaque, 20);
  ((struct gen *) opaque)->finished = 1;
  done = 1;
}

int
main (void)
{
  struct gen g = { -1, 0 };
  int expect[20], got = 0;
  expect[0] = 0;
  expect[1] = 1;
  for (int i = 2; i < 20; i++)
    expect[i] = expect[i - 1] + expect[i - 2];
  cpc_coroutine *co = cpc_create (body, &g);
  while (!done)
    {
      cpc_enter (co);
#ifdef __CPC__
      if (!g.finished)
	{
	  if (got >= 20 || g.value != expect[got])
	    abort ();
	  got++;
	}
#endif
    }
#ifdef __CPC__
  if (got != 20)
    abort ();
#else
  if (got != 0 || g.value != expect[19])
    abort ();
#endif
  return 0;
}
