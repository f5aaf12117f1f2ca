/* Differential test: recursion with locals at every level, pointers to
   callers' locals, and a nested cpc_enter of a helper coroutine from
   inside a coroutine.  */
#include <cpc.h>
#include <stdio.h>
#include <stdlib.h>

struct helper { int in; int out; int finished; };

coroutine_fn static void
helper_run (void *opaque)
{
  struct helper *h = opaque;
  int v = h->in;
  cpc_suspend ();
  h->out = v * v + 1;
  h->finished = 1;
}

coroutine_fn static int
walk (int depth, int *counter, char *path)
{
  char here[4] = { (char) ('a' + depth % 26), 0 };
  int local = depth * 3;
  if (depth % 7 == 0)
    cpc_suspend ();
  ++*counter;
  if (depth == 300)
    {
      path[0] = here[0];
      return local;
    }
  int sub = walk (depth + 1, counter, path + (depth % 50 == 0));
  if (depth % 50 == 0)
    path[0] = here[0];
  return (sub + local) % 10007;
}

static int finished_main;
static char result[64];

coroutine_fn static void
main_co (void *opaque)
{
  int counter = 0;
  char path[16] = { 0 };
  int r = walk (0, &counter, path);
  struct helper h = { r % 100, 0, 0 };
  cpc_coroutine *hc = cpc_create (helper_run, &h);
  while (!h.finished)
    {
      cpc_enter (hc);
      cpc_suspend ();
    }
  snprintf (result, sizeof result, "%d %d %s %d", r, counter, path, h.out);
  finished_main = 1;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (main_co, NULL);
  int steps = 0;
  while (!finished_main)
    {
      cpc_enter (co);
      if (++steps > 100000)
	abort ();
    }
  printf ("%s\n", result);
  return 0;
}
