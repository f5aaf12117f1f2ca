/* Differential test: each coroutine runs a small interpreter whose
   operations are coroutine_fn calls through a table of coroutine_fn
   pointers; locals of many types, structs by value and a switch with
   fallthrough are live across suspensions.  Output per coroutine, in id
   order.  */
#include <cpc.h>
#include <stdio.h>
#include <stdlib.h>

#define N 24

struct state { long acc; double f; short hist[8]; unsigned char n; };
typedef struct state coroutine_fn (*op_fn) (struct state, int);

coroutine_fn static struct state
op_add (struct state s, int k)
{
  cpc_suspend ();
  s.acc += k;
  s.f += k * 0.5;
  return s;
}

coroutine_fn static struct state
op_mul (struct state s, int k)
{
  s.acc *= (k | 1);
  if (k & 2)
    cpc_suspend ();
  s.f *= 1.25;
  return s;
}

coroutine_fn static struct state
op_rec (struct state s, int k)
{
  s.hist[s.n++ % 8] = (short) (s.acc % 1000);
  if (k > 0)
    {
      cpc_suspend ();
      return op_rec (s, k - 1);
    }
  return s;
}

static op_fn const ops[] = { op_add, op_mul, op_rec };

struct job { int id; int finished; struct state out; };

coroutine_fn static void
job (void *opaque)
{
  struct job *j = opaque;
  struct state s = { j->id, j->id / 3.0, { 0 }, 0 };
  unsigned x = j->id * 7 + 1;
  for (int step = 0; step < 12; step++)
    {
      x = x * 1103515245u + 12345u;
      int k = (x >> 16) % 5;
      switch ((x >> 8) % 4)
	{
	case 0:
	  s = ops[0] (s, k);
	  /* Fall through.  */
	case 1:
	  s = ops[1] (s, k);
	  break;
	case 2:
	  cpc_suspend ();
	  /* Fall through.  */
	default:
	  s = ops[2] (s, k);
	}
      s.acc %= 1000000007;
    }
  j->out = s;
  j->finished = 1;
}

int
main (void)
{
  struct job jobs[N] = { { 0 } };
  cpc_coroutine *cos[N];
  for (int i = 0; i < N; i++)
    {
      jobs[i].id = i;
      cos[i] = cpc_create (job, &jobs[i]);
    }
  int remaining = N;
  for (unsigned r = 1; remaining > 0; r = r * 69069 + 1)
    {
      int i = (r >> 8) % N;	/* pseudo-random order */
      if (jobs[i].finished)
	continue;
      cpc_enter (cos[i]);
      if (jobs[i].finished)
	remaining--;
    }
  for (int i = 0; i < N; i++)
    {
      struct state *s = &jobs[i].out;
      printf ("%d %ld %.6f %u", i, s->acc, s->f, s->n);
      for (int h = 0; h < 8; h++)
	printf (" %d", s->hist[h]);
      printf ("\n");
    }
  return 0;
}
