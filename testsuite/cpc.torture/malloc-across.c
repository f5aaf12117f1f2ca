/* Heap memory allocated before a suspension and freed after it.  */
#include <cpc.h>
#include <stdlib.h>

static int done;
#include <string.h>

coroutine_fn static char *
dup_later (const char *s)
{
  size_t n = strlen (s) + 1;
  char *p = malloc (n);
  if (!p)
    abort ();
  cpc_suspend ();
  memcpy (p, s, n);
  return p;
}

coroutine_fn static void
body (void *opaque)
{
  int *v = malloc (1000 * sizeof *v);
  if (!v)
    abort ();
  for (int i = 0; i < 1000; i++)
    v[i] = i;
  char *s = dup_later ("coroutine");
  cpc_suspend ();
  if (strcmp (s, "coroutine") != 0 || v[999] != 999)
    abort ();
  free (s);
  free (v);
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
