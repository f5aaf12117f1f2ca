/* QEMU API: create, enter, yield, self, in_coroutine, entered,
   enter_if_inactive, and the markers.  */
#include "sched-test.h"
#include <cpc/qemu-coroutine.h>

static Coroutine *outer_co, *inner_co;

static no_coroutine_fn void
plain_helper (void)
{
  CHECK (qemu_in_coroutine ());		/* called from a coroutine */
}

static coroutine_mixed_fn bool
mixed (void)
{
  return qemu_in_coroutine ();
}

static void coroutine_fn
inner (void *opaque)
{
  CHECK (opaque == (void *) 2);
  CHECK (qemu_coroutine_self () == inner_co);
  /* The outer coroutine entered us: it is entered, we are too.  */
  CHECK (qemu_coroutine_entered (outer_co));
  CHECK (qemu_coroutine_entered (inner_co));
  qemu_coroutine_enter_if_inactive (outer_co);	/* active: nothing */
  trace ("i1");
  qemu_coroutine_yield ();
  trace ("i2");
}

static void coroutine_fn
outer (void *opaque)
{
  CHECK (opaque == (void *) 1);
  CHECK (qemu_coroutine_self () == outer_co);
  plain_helper ();
  CHECK (mixed ());
  trace ("o1");
  inner_co = qemu_coroutine_create (inner, (void *) 2);
  qemu_coroutine_enter (inner_co);	/* back here when inner yields */
  trace ("o2");
  qemu_coroutine_yield ();
  trace ("o3");
  qemu_coroutine_enter (inner_co);	/* inner terminates */
  trace ("o4");
}

int
main (void)
{
  CHECK (!qemu_in_coroutine ());
  CHECK (qemu_coroutine_self () == NULL);
  CHECK (!mixed ());
  CoroutineEntry *entry = outer;
  outer_co = qemu_coroutine_create (entry, (void *) 1);
  CHECK (!qemu_coroutine_entered (outer_co));
  qemu_coroutine_enter (outer_co);
  CHECK_TRACE ("o1 i1 o2");
  CHECK (!qemu_coroutine_entered (outer_co));
  qemu_coroutine_enter_if_inactive (outer_co);	/* inactive: enters */
  CHECK_TRACE ("o3 i2 o4");
  return 0;
}
