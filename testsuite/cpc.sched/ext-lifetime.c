/* A coroutine's ext block (runtime/internal.h, struct cpc_ext) is made
   on first need, in the middle of a run: a wait on a condition variable
   with frames already in the inline chunk, a frame too large for the
   inline chunk, a sleep from that frame.  Finished objects go back to
   the cache with their ext block and spare chunk, and new coroutines
   that reuse them, waiting or not, must start from their own entry and
   argument (kept in the inline chunk until the first run) and keep their
   values.  */
#include "sched-test.h"

static cpc_cond cv = CPC_COND_INITIALIZER;
static long finished_sum;

coroutine_fn static long
big_frame (long x)
{
  volatile char pad[600];		/* past the 64-byte inline chunk */
  pad[0] = (char) x;
  pad[599] = (char) (x >> 8);
  cpc_sleep_ns (1000);			/* the timer heap reads the ext */
  return x * 3 + pad[0] - (char) x + pad[599] - (char) (x >> 8);
}

coroutine_fn static void
waiter (void *opaque)
{
  long id = (long) opaque;
  long a = id * 7, b = id + 11;
  cpc_suspend ();			/* no ext yet */
  cpc_cond_wait (&cv);			/* made here, frames in the chunk */
  long c = big_frame (a);		/* a malloc'd chunk, from the ext */
  CHECK (c == a * 3);
  finished_sum += a + b + c;
}

coroutine_fn static void
plain (void *opaque)
{
  long id = (long) opaque;
  long a = id * 5;
  cpc_suspend ();
  finished_sum += a + 1;
}

int
main (void)
{
  enum { N = 40 };
  for (int round = 0; round < 3; round++)
    {
      cpc_coroutine *w[N], *p[N];
      long want = 0;
      finished_sum = 0;
      /* Waiters and plain ones alternate, so that each reuses the
	 objects the other kind left in the cache in the round before.  */
      for (long i = 0; i < N; i++)
	{
	  w[i] = cpc_create (waiter, (void *) i);
	  p[i] = cpc_create (plain, (void *) (i + 100));
	  cpc_enter (w[i]);
	  cpc_enter (p[i]);
	  want += i * 7 + i + 11 + i * 7 * 3;
	  want += (i + 100) * 5 + 1;
	}
      for (int i = 0; i < N; i++)
	{
	  cpc_enter (w[i]);		/* now waits on cv */
	  cpc_enter (p[i]);		/* finishes */
	}
      cpc_cond_broadcast (&cv);
      cpc_main_loop ();
      CHECK (finished_sum == want);
    }
  return 0;
}
