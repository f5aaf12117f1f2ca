/* A pointer to a local taken before a suspension still points to it
   afterwards, and writes through it are seen by the local.  */
#include <cpc.h>
#include <stdlib.h>

/* The local lives in the coroutine's frame until the coroutine ends.  */
#pragma GCC diagnostic ignored "-Wdangling-pointer"

static int done;

coroutine_fn static void
body (void *opaque)
{
  int x = 5;
  int *p = &x;
  int **saved = opaque;
  *saved = &x;
  cpc_suspend ();
  if (p != &x || *saved != &x || *p != 5)
    abort ();
  *p = 6;
  cpc_suspend ();
  if (x != 6)
    abort ();
  x = 7;
  cpc_suspend ();
  if (*p != 7)
    abort ();
  done = 1;
}

int
main (void)
{
  int steps = 0;
  int *saved = NULL;
  cpc_coroutine *co = cpc_create (body, &saved);
  while (!done)
    {
      cpc_enter (co);
      /* The coroutine's local is reachable while it is suspended.  */
      if (!done && steps == 1 && *saved != 6)
	abort ();
      if (!done && steps == 1)
	*saved = 6;
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 4)
    abort ();
#endif
  return 0;
}
