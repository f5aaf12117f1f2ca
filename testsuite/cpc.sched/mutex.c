/* cpc_mutex: FIFO hand-off, no barging, trylock, embedded in structs.  */
#include "sched-test.h"

struct account { cpc_mutex lock; int balance; };
static struct account acct = { CPC_MUTEX_INITIALIZER, 0 };

coroutine_fn static void
locker (void *opaque)
{
  int id = (int) (long) opaque;
  trace ("w%d", id);
  cpc_mutex_lock (&acct.lock);
  CHECK (acct.lock.owner == cpc_self ());
  trace ("L%d", id);
  int b = acct.balance;
  cpc_yield ();				/* others queue meanwhile */
  acct.balance = b + 1;
  cpc_mutex_unlock (&acct.lock);
  trace ("U%d", id);
}

/* Unlocks and immediately tries again: must queue behind the waiter the
   lock was handed to.  */
coroutine_fn static void
barger (void *opaque)
{
  (void) opaque;
  cpc_mutex_lock (&acct.lock);
  trace ("B1");
  cpc_yield ();
  cpc_mutex_unlock (&acct.lock);
  CHECK (!cpc_mutex_trylock (&acct.lock));	/* handed to w0 */
  cpc_mutex_lock (&acct.lock);
  trace ("B2");
  cpc_mutex_unlock (&acct.lock);
}

coroutine_fn static void
try_free (void *opaque)
{
  (void) opaque;
  cpc_mutex m;
  cpc_mutex_init (&m);
  CHECK (cpc_mutex_trylock (&m));
  CHECK (!cpc_mutex_trylock (&m));
  cpc_mutex_unlock (&m);
  CHECK (m.owner == NULL);
  cpc_mutex_lock (&m);			/* free: does not suspend */
  cpc_mutex_unlock (&m);
  trace ("t");
}

int
main (void)
{
  for (long i = 0; i < 4; i++)
    cpc_spawn (locker, (void *) i);
  cpc_main_loop ();
  CHECK_TRACE ("w0 L0 w1 w2 w3 U0 L1 U1 L2 U2 L3 U3");
  CHECK (acct.balance == 4);

  cpc_spawn (barger, 0);
  cpc_spawn (locker, (void *) 0L);
  cpc_main_loop ();
  CHECK_TRACE ("B1 w0 L0 U0 B2");
  CHECK (acct.balance == 5);

  cpc_spawn (try_free, 0);
  cpc_main_loop ();
  CHECK_TRACE ("t");
  return 0;
}
