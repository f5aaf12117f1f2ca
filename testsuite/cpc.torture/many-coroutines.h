/* The body of the many-coroutines-*.c tests: N coroutines suspended at
   once, each with its own locals, entered pass after pass in the order
   ORDER (K, SEED) gives for the K-th entry of a pass (SEED changes every
   pass), until all finish; each checks its own state.  The including test
   defines ORDER.  */
#include <cpc.h>
#include <stdlib.h>

#define N 5000
#define ROUNDS 4

/* A pseudo-random number per pass, for orders that want one.  */
static unsigned
pass_order_seed (int pass)
{
  unsigned seed = 12345;
  for (int p = 0; p < pass; p++)
    seed = seed * 1103515245u + 12345u;
  return seed >> 16;
}

struct task { int id; int rounds_done; int finished; long result; };

coroutine_fn static long
step (int id, int round)
{
  long local = (long) id * 1000 + round;
  cpc_suspend ();
  return local;
}

coroutine_fn static void
run (void *opaque)
{
  struct task *t = opaque;
  int id = t->id;
  long acc = 0;
  for (int r = 0; r < ROUNDS; r++)
    {
      acc += step (id, r);
      t->rounds_done = r + 1;
    }
  if (id != t->id)
    abort ();
  t->result = acc;
  t->finished = 1;
}

static struct task tasks[N];
static cpc_coroutine *cos[N];

int
main (void)
{
  for (int i = 0; i < N; i++)
    {
      tasks[i].id = i;
      cos[i] = cpc_create (run, &tasks[i]);
    }
  int remaining = N, passes = 0;
  while (remaining > 0)
    {
      if (++passes > ROUNDS + 1)
	abort ();
      unsigned pass_seed = pass_order_seed (passes);
      for (int k = 0; k < N; k++)
	{
	  int i = ORDER (k, pass_seed);
	  if (tasks[i].finished)
	    continue;
	  int before = tasks[i].rounds_done;
	  cpc_enter (cos[i]);
#ifdef __CPC__
	  /* Each entry advances the coroutine by exactly one round.  */
	  if (!tasks[i].finished
	      && tasks[i].rounds_done != (passes == 1 ? 0 : before + 1))
	    abort ();
	  if (passes == 1 && tasks[i].finished)
	    abort ();
#endif
	  (void) before;
	  if (tasks[i].finished)
	    remaining--;
	}
    }
  for (int i = 0; i < N; i++)
    {
      long expect = 0;
      for (int r = 0; r < ROUNDS; r++)
	expect += (long) i * 1000 + r;
      if (!tasks[i].finished || tasks[i].result != expect)
	abort ();
    }
  return 0;
}
