/* cpc_cond: signal wakes the longest waiter, broadcast all in order; a
   signal with no waiter is lost; no spurious wakeups; complete type in
   structs, static and automatic.  */
#include "sched-test.h"

static cpc_cond c = CPC_COND_INITIALIZER;
struct box { int x; cpc_cond cv; };

coroutine_fn static void
waiter (void *opaque)
{
  int id = (int) (long) opaque;
  trace ("w%d", id);
  cpc_cond_wait (&c);
  trace ("r%d", id);
}

coroutine_fn static void
signaller (void *opaque)
{
  int mode = (int) (long) opaque;
  trace ("s");
  if (mode == 0)
    {
      cpc_cond_signal (&c);
      trace ("s1");
      cpc_yield ();
      cpc_cond_signal (&c);
      cpc_cond_signal (&c);
      trace ("s2");
    }
  else
    {
      cpc_cond_broadcast (&c);
      trace ("b");
    }
}

coroutine_fn static void
box_user (void *opaque)
{
  struct box *b = opaque;
  cpc_cond_wait (&b->cv);
  b->x++;
}

coroutine_fn static void
automatic (void *opaque)
{
  (void) opaque;
  struct box b = { 0, CPC_COND_INITIALIZER };
  cpc_cond_init (&b.cv);
  cpc_spawn (box_user, &b);
  cpc_spawn (box_user, &b);
  cpc_yield ();				/* both wait now */
  cpc_cond_broadcast (&b.cv);
  while (b.x != 2)
    cpc_yield ();
  trace ("auto");
}

int
main (void)
{
  /* A signal nobody waits for is not remembered.  */
  cpc_cond_signal (&c);
  cpc_cond_broadcast (&c);
  for (long i = 0; i < 3; i++)
    cpc_spawn (waiter, (void *) i);
  cpc_spawn (signaller, (void *) 0L);
  cpc_main_loop ();
  CHECK_TRACE ("w0 w1 w2 s s1 r0 s2 r1 r2");

  for (long i = 0; i < 3; i++)
    cpc_spawn (waiter, (void *) i);
  cpc_spawn (signaller, (void *) 1L);
  cpc_main_loop ();
  CHECK_TRACE ("w0 w1 w2 s b r0 r1 r2");

  /* Nothing wakes a waiter but a signal: the loop ends with it waiting. */
  cpc_spawn (waiter, (void *) 5L);
  cpc_main_loop ();
  CHECK_TRACE ("w5");
  cpc_cond_signal (&c);
  cpc_main_loop ();
  CHECK_TRACE ("r5");

  cpc_spawn (automatic, 0);
  cpc_main_loop ();
  CHECK_TRACE ("auto");
  return 0;
}
