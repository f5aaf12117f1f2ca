/* alloca and a variable-length array used only before a suspension are allowed: their storage is dead across it.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int
sum_plain (const int *a, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

coroutine_fn static int
f (int n)
{
  int s;
  {
    int *p = __builtin_alloca (n * sizeof (int));
    for (int i = 0; i < n; i++)
      p[i] = i;
    s = sum_plain (p, n);
  }
  {
    int vla[n];
    for (int i = 0; i < n; i++)
      vla[i] = 2 * i;
    s += sum_plain (vla, n);
  }
  cpc_suspend ();
  return s;
}

coroutine_fn static void
body (void *opaque)
{
  if (f (10) != 45 + 90)
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
  if (steps != 2)
    abort ();
#endif
  return 0;
}
