/* Duff's device: a switch jumping into a do-while body, with a
   suspension inside.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static void
copy (int *to, const int *from, int count, int *suspends)
{
  int n = (count + 3) / 4;
  switch (count % 4)
    {
    case 0: do { *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
		 cpc_suspend ();
		 ++*suspends;
	       } while (--n > 0);
    }
}

coroutine_fn static void
body (void *opaque)
{
  int src[11], dst[11] = { 0 }, s = 0;
  for (int i = 0; i < 11; i++)
    src[i] = i * 7 + 1;
  copy (dst, src, 11, &s);
  if (s != 3)
    abort ();
  for (int i = 0; i < 11; i++)
    if (dst[i] != src[i])
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
  if (steps != 4)
    abort ();
#endif
  return 0;
}
