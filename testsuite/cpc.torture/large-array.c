/* A 64 KiB local array is written, kept across suspensions and checked.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

#define N (64 * 1024)

coroutine_fn static void
body (void *opaque)
{
  unsigned char big[N];
  for (int i = 0; i < N; i++)
    big[i] = (unsigned char) (i * 7 + 3);
  cpc_suspend ();
  for (int i = 0; i < N; i++)
    {
      if (big[i] != (unsigned char) (i * 7 + 3))
	abort ();
    }
  big[N - 1] = 0;
  cpc_suspend ();
  if (big[N - 1] != 0 || big[N - 2] != (unsigned char) ((N - 2) * 7 + 3))
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
