/* 100,000 coroutines in a ring pass a token through condition variables,
   three times round; each checks the value it receives.  */
#include "sched-test.h"

#define N 100000
#define LAPS 3

struct node { cpc_cond cv; int has; long token; };
static struct node *ring;
static long finished;

coroutine_fn static void
member (void *opaque)
{
  long i = (long) opaque;
  for (int lap = 0; lap < LAPS; lap++)
    {
      while (!ring[i].has)
	cpc_cond_wait (&ring[i].cv);
      ring[i].has = 0;
      long t = ring[i].token;
      CHECK (t == (long) lap * N + i);
      long j = (i + 1) % N;
      CHECK (!ring[j].has);
      ring[j].token = t + 1;
      ring[j].has = 1;
      cpc_cond_signal (&ring[j].cv);
    }
  finished++;
}

int
main (void)
{
  ring = calloc (N, sizeof *ring);
  CHECK (ring);
  for (long i = 0; i < N; i++)
    cpc_spawn (member, (void *) i);
  ring[0].has = 1;			/* token 0 to member 0 */
  cpc_main_loop ();
  CHECK (finished == N);
  /* The last member of the last lap handed the token on to member 0.  */
  CHECK (ring[0].has && ring[0].token == (long) LAPS * N);
  free (ring);
  return 0;
}
