/* Nested loops with suspensions at both levels, labelled exits via goto
   and continue in the inner loop.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
body (void *opaque)
{
  int grid[8][8];
  int count = 0;
  for (int i = 0; i < 8; i++)
    {
      cpc_suspend ();
      for (int j = 0; j < 8; j++)
	{
	  if (j > i)
	    continue;
	  grid[i][j] = i * 8 + j;
	  if ((i + j) % 5 == 0)
	    cpc_suspend ();
	  count++;
	}
    }
  if (count != 36)
    abort ();
  for (int i = 0; i < 8; i++)
    for (int j = 0; j <= i; j++)
      if (grid[i][j] != i * 8 + j)
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
  if (steps != 16)
    abort ();
#endif
  return 0;
}
