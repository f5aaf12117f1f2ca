/* The spill of a variable live across a suspension only along paths the
   program never takes must not trigger -Wmaybe-uninitialized: the plain C
   version of this function compiles without a warning.  */
/* { dg-do compile } */
/* { dg-options "-O2 -Wall -Wextra" } */
#include <cpc.h>

extern int use (int);

coroutine_fn void
body (void *opaque)
{
  int x;
  int n = *(int *) opaque;
  for (int i = 0; i < n; i++)
    {
      cpc_suspend ();
      if (i == 0)
	x = 5;
      else
	use (x);
    }
}
