/* Local one- and two-dimensional arrays keep their contents across
   suspensions, including elements written between suspensions.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int v[10];
  double m[3][4];
  char s[] = "hello, coroutine";
  for (int i = 0; i < 10; i++)
    {
      v[i] = i * i;
      cpc_suspend ();
    }
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++)
      m[i][j] = i + j / 4.0;
  cpc_suspend ();
  for (int i = 0; i < 10; i++)
    if (v[i] != i * i)
      abort ();
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++)
      if (m[i][j] != i + j / 4.0)
	abort ();
  if (__builtin_strcmp (s, "hello, coroutine") != 0)
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
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 12)
    abort ();
#endif
  return 0;
}
