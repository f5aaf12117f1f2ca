/* Bitfields of a struct local survive suspensions and are updated by a
   coroutine_fn through a pointer.  */
#include <cpc.h>
#include <stdlib.h>

struct bits
{
  unsigned a : 3;
  signed b : 5;
  unsigned c : 1;
  unsigned long long d : 40;
  _Bool e : 1;
};

static int done;

coroutine_fn static void
bump (struct bits *p)
{
  cpc_suspend ();
  p->a++;
  p->b--;
  p->d += 1;
}

coroutine_fn static void
body (void *opaque)
{
  struct bits s = { 6, -15, 1, 0xffffffffffULL - 1, 1 };
  cpc_suspend ();
  if (s.a != 6 || s.b != -15 || s.c != 1 || s.d != 0xffffffffffULL - 1 || !s.e)
    abort ();
  bump (&s);
  if (s.a != 7 || s.b != -16 || s.c != 1 || s.d != 0xffffffffffULL || !s.e)
    abort ();
  bump (&s);
  /* Wrap around in each field.  */
  if (s.a != 0 || s.b != 15 || s.d != 0)
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
  if (steps != 4)
    abort ();
#endif
  return 0;
}
