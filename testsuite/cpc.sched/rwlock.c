/* cpc_rwlock: shared readers, writer preference (a waiting writer stops
   new readers), FIFO grants, upgrade and downgrade schedules.  */
#include "sched-test.h"

static cpc_rwlock rw = CPC_RWLOCK_INITIALIZER;

struct job { char kind; int id; int hold; };

coroutine_fn static void
run_job (void *opaque)
{
  struct job *j = opaque;
  switch (j->kind)
    {
    case 'r':
      cpc_rwlock_rdlock (&rw);
      CHECK (rw.writer == NULL && rw.readers > 0);
      break;
    case 'w':
      cpc_rwlock_wrlock (&rw);
      CHECK (rw.writer == cpc_self () && rw.readers == 0);
      break;
    }
  trace ("%c%d+", j->kind, j->id);
  for (int i = 0; i < j->hold; i++)
    cpc_yield ();
  trace ("%c%d-", j->kind, j->id);
  cpc_rwlock_unlock (&rw);
}

/* Reader that upgrades, writes, downgrades.  */
coroutine_fn static void
upgrader (void *opaque)
{
  int id = (int) (long) opaque;
  cpc_rwlock_rdlock (&rw);
  trace ("u%d+", id);
  cpc_yield ();
  cpc_rwlock_upgrade (&rw);
  CHECK (rw.writer == cpc_self () && rw.readers == 0);
  trace ("U%d", id);
  cpc_yield ();
  cpc_rwlock_downgrade (&rw);
  CHECK (rw.writer == NULL && rw.readers >= 1);
  trace ("D%d", id);
  cpc_yield ();
  trace ("u%d-", id);
  cpc_rwlock_unlock (&rw);
}

static void
spawn_jobs (struct job *jobs, int n)
{
  for (int i = 0; i < n; i++)
    cpc_spawn (run_job, &jobs[i]);
}

int
main (void)
{
  /* Two readers share; the writer waits; a reader arriving after the
     writer waits behind it (writer preference).  */
  struct job a[] = { { 'r', 1, 2 }, { 'r', 2, 2 }, { 'w', 3, 1 },
		     { 'r', 4, 1 } };
  spawn_jobs (a, 4);
  cpc_main_loop ();
  CHECK_TRACE ("r1+ r2+ r1- r2- w3+ w3- r4+ r4-");
  CHECK (rw.readers == 0 && rw.writer == NULL);

  /* Writer first: readers queue, then all enter together.  */
  struct job b[] = { { 'w', 1, 1 }, { 'r', 2, 1 }, { 'r', 3, 1 },
		     { 'w', 4, 0 } };
  spawn_jobs (b, 4);
  cpc_main_loop ();
  CHECK_TRACE ("w1+ w1- r2+ r3+ r2- r3- w4+ w4-");

  /* A sole reader upgrades at once.  */
  cpc_spawn (upgrader, (void *) 1L);
  cpc_main_loop ();
  CHECK_TRACE ("u1+ U1 D1 u1-");

  /* Upgrade with another reader inside: waits for it, ahead of a writer
     that queued earlier; the downgrade lets the queued reader in only
     after that writer (it is at the head).  */
  struct job c[] = { { 'r', 2, 3 }, { 'w', 3, 0 }, { 'r', 4, 0 } };
  cpc_spawn (upgrader, (void *) 1L);
  spawn_jobs (c, 3);
  cpc_main_loop ();
  CHECK_TRACE ("u1+ r2+ r2- U1 D1 u1- w3+ w3- r4+ r4-");
  CHECK (rw.readers == 0 && rw.writer == NULL);
  return 0;
}
