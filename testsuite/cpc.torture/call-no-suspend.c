/* Calls to a coroutine function that never suspends take the fast path: a million of them must not exhaust the frame arena.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

coroutine_fn static unsigned
mix (unsigned h, unsigned v)
{
  unsigned buf[4] = { h, v, h ^ v, h + v };
  return (buf[0] * 31u + buf[1]) ^ (buf[2] >> 3) ^ buf[3];
}

static unsigned
mix_plain (unsigned h, unsigned v)
{
  return (h * 31u + v) ^ ((h ^ v) >> 3) ^ (h + v);
}

coroutine_fn static void
body (void *opaque)
{
  unsigned h = 0, ref = 0;
  for (unsigned i = 0; i < 1000000; i++)
    {
      h = mix (h, i);
      ref = mix_plain (ref, i);
    }
  if (h != ref)
    abort ();
  cpc_suspend ();
  if (h != ref)
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
