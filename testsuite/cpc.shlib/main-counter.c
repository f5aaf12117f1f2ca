/* The program side of lib-counter.c: a coroutine of the program calls the
   library's coroutine_fn, which suspends inside the shared object.  */
#include <cpc.h>
#include <stdlib.h>

extern int lib_calls;
coroutine_fn int lib_count_to (int *counter, int limit);

static int done, result, counter;

coroutine_fn static void
body (void *opaque)
{
  int limit = *(int *) opaque;
  result = lib_count_to (&counter, limit);
  done = 1;
}

int
main (void)
{
  int limit = 50, steps = 0;
  cpc_coroutine *co = cpc_create (body, &limit);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 1000)
	abort ();
    }
  /* 1+2+...+10 = 55 is the first sum >= 50: ten suspensions.  */
  if (result != 55 || counter != 55 || lib_calls != 10 || steps != 11)
    abort ();
  return 0;
}
