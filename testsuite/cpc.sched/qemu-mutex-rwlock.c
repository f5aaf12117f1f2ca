/* QEMU API: CoMutex FIFO hand-off (the woken coroutine runs when the
   unlocker yields or terminates), CoRwlock with QEMU's fair tickets,
   upgrade and downgrade, qemu_co_sleep_ns under cpc_main_loop.  */
#include "sched-test.h"
#include <cpc/qemu-coroutine.h>

static CoMutex m;
static CoRwlock rw;
static Coroutine *co[8];

static void coroutine_fn
locker (void *opaque)
{
  long id = (long) opaque;
  qemu_co_mutex_lock (&m);
  trace ("L%ld", id);
  qemu_coroutine_yield ();
  trace ("U%ld", id);
  qemu_co_mutex_unlock (&m);
}

struct job { char kind; int id; };

static void coroutine_fn
rw_job (void *opaque)
{
  struct job *j = opaque;
  if (j->kind == 'r' || j->kind == 'u')
    qemu_co_rwlock_rdlock (&rw);
  else
    qemu_co_rwlock_wrlock (&rw);
  trace ("%c%d+", j->kind, j->id);
  qemu_coroutine_yield ();
  if (j->kind == 'u')
    {
      /* Holds a read lock: upgrade, then downgrade.  */
      qemu_co_rwlock_upgrade (&rw);
      CHECK (rw.owners == -1);
      trace ("U%d", j->id);
      qemu_co_rwlock_downgrade (&rw);
      CHECK (rw.owners >= 1);
      trace ("D%d", j->id);
    }
  trace ("%c%d-", j->kind, j->id);
  qemu_co_rwlock_unlock (&rw);
}

/* The sleeps count from one common start (sched-test.h, ns_until).  */
static uint64_t start;

static void coroutine_fn
sleeper (void *opaque)
{
  long ms = (long) opaque;
  qemu_co_sleep_ns (QEMU_CLOCK_REALTIME, ns_until (start + ms * 1000000));
  trace ("s%ld", ms);
}

static QemuCoSleep ws;

static void coroutine_fn
long_sleeper (void *opaque)
{
  (void) opaque;
  uint64_t t0 = cpc_now_ns ();
  qemu_co_sleep_ns_wakeable (&ws, QEMU_CLOCK_REALTIME, 60000000000LL);
  CHECK (cpc_now_ns () - t0 < 30000000000ull);
  trace ("woken");
}

static void coroutine_fn
sleep_waker (void *opaque)
{
  (void) opaque;
  qemu_co_sleep_ns (QEMU_CLOCK_REALTIME, ns_until (start + 30 * 1000000));
  qemu_co_sleep_wake (&ws);
  trace ("wake");
}

int
main (void)
{
  qemu_co_mutex_init (&m);
  for (long i = 0; i < 3; i++)
    {
      co[i] = qemu_coroutine_create (locker, (void *) i);
      qemu_coroutine_enter (co[i]);
    }
  CHECK_TRACE ("L0");
  CHECK (m.locked == 3);
  qemu_coroutine_enter (co[0]);		/* unlock hands to 1, which runs
					   when 0 terminates */
  CHECK_TRACE ("U0 L1");
  qemu_coroutine_enter (co[1]);
  CHECK_TRACE ("U1 L2");
  qemu_coroutine_enter (co[2]);
  CHECK_TRACE ("U2");
  CHECK (m.locked == 0 && m.holder == NULL);

  /* CoRwlock: r1 reads; w2 queues; r3 queues behind w2 (fairness).  */
  qemu_co_rwlock_init (&rw);
  struct job j[] = { { 'r', 1 }, { 'w', 2 }, { 'r', 3 }, { 'u', 4 } };
  for (int i = 0; i < 3; i++)
    {
      co[i] = qemu_coroutine_create (rw_job, &j[i]);
      qemu_coroutine_enter (co[i]);
    }
  CHECK_TRACE ("r1+");
  qemu_coroutine_enter (co[0]);		/* r1 unlocks: w2 gets it */
  CHECK_TRACE ("r1- w2+");
  qemu_coroutine_enter (co[1]);		/* w2 unlocks: r3 */
  CHECK_TRACE ("w2- r3+");
  qemu_coroutine_enter (co[2]);
  CHECK_TRACE ("r3-");
  CHECK (rw.owners == 0);

  /* Upgrade with another reader in: waits for it.  */
  co[0] = qemu_coroutine_create (rw_job, &j[3]);	/* u4 */
  co[1] = qemu_coroutine_create (rw_job, &j[0]);	/* r1 */
  qemu_coroutine_enter (co[0]);
  qemu_coroutine_enter (co[1]);
  CHECK_TRACE ("u4+ r1+");
  qemu_coroutine_enter (co[0]);		/* upgrade: waits for r1 */
  CHECK_TRACE ("");
  qemu_coroutine_enter (co[1]);		/* r1 leaves: u4 upgrades */
  CHECK_TRACE ("r1- U4 D4 u4-");
  CHECK (rw.owners == 0);

  /* Sleeping needs the cpc loop.  */
  /* Sleeps until 60, 20 and 40 ms after START; the waker's until 30 ms,
     between the second and the third, 10 ms from each.  */
  start = cpc_now_ns ();
  qemu_coroutine_enter (qemu_coroutine_create (sleeper, (void *) 60L));
  qemu_coroutine_enter (qemu_coroutine_create (sleeper, (void *) 20L));
  qemu_coroutine_enter (qemu_coroutine_create (sleeper, (void *) 40L));
  qemu_coroutine_enter (qemu_coroutine_create (long_sleeper, NULL));
  qemu_coroutine_enter (qemu_coroutine_create (sleep_waker, NULL));
  cpc_main_loop ();
  CHECK_TRACE ("s20 wake woken s40 s60");
  return 0;
}
