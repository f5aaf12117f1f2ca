/* Differential test: 64 coroutines computing checksums over a call tree
   with suspensions everywhere, driven in straight, reversed and
   round-robin orders.  Each coroutine writes only its own record; the
   records are printed at the end in coroutine id order, so the output is
   the same whether coroutines suspend (plugin) or run to completion on
   first entry (plain C).  */
#include <cpc.h>
#include <stdio.h>
#include <stdlib.h>

#define N 64

struct rec { int id; unsigned long sum; int calls; int finished; char log[64]; };

coroutine_fn static unsigned long
leaf (struct rec *r, unsigned long x)
{
  r->calls++;
  if (x % 3 == 0)
    cpc_suspend ();
  return x * 2654435761u % 1000003;
}

coroutine_fn static unsigned long
tree (struct rec *r, int depth, unsigned long x)
{
  if (depth == 0)
    return leaf (r, x);
  unsigned long a = tree (r, depth - 1, x * 2 + 1);
  cpc_suspend ();
  unsigned long b = (a & 1) ? tree (r, depth - 1, a) : leaf (r, a + x);
  return a ^ (b << 1);
}

coroutine_fn static void
run (void *opaque)
{
  struct rec *r = opaque;
  int len = 0;
  for (int i = 0; i < 4; i++)
    {
      unsigned long v = tree (r, 1 + (r->id + i) % 4, r->id * 31 + i);
      r->sum += v;
      len += snprintf (r->log + len, sizeof r->log - len, "%lu,", v % 97);
    }
  r->finished = 1;
}

static void
drive (const char *name, int order)
{
  struct rec recs[N] = { { 0 } };
  cpc_coroutine *cos[N];
  for (int i = 0; i < N; i++)
    {
      recs[i].id = i;
      cos[i] = cpc_create (run, &recs[i]);
    }
  int remaining = N;
  for (int pass = 0; remaining > 0; pass++)
    {
      if (pass > 10000)
	abort ();
      for (int k = 0; k < N; k++)
	{
	  int i = order == 0 ? k : order == 1 ? N - 1 - k : (k * 5 + pass) % N;
	  if (recs[i].finished)
	    continue;
	  cpc_enter (cos[i]);
	  if (recs[i].finished)
	    remaining--;
	}
    }
  printf ("== %s\n", name);
  for (int i = 0; i < N; i++)
    printf ("%d %lu %d %s\n", recs[i].id, recs[i].sum, recs[i].calls, recs[i].log);
}

int
main (void)
{
  drive ("straight", 0);
  drive ("reversed", 1);
  drive ("round-robin", 2);
  return 0;
}
