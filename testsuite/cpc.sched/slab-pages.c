/* Coroutine objects come from slabs of 64 KiB pages (runtime/slab.h):
   the pages a burst of coroutines needed go back to the system when they
   finish, but for the one holding the thread's cache of finished objects
   and one kept to allocate from; a second burst reuses the slots; and
   the runtime's count of live coroutines agrees with the slabs
   (cpc__live_check, internal: this test links libcpc statically) all
   along.  */
#include "sched-test.h"

/* libcpc internals (runtime/slab.h, runtime/internal.h): only the
   page list's link is read here.  */
struct slab_page_head
{
  struct slab_page_head *next;
};
extern struct slab_page_head *cpc__slab_pages;
size_t cpc__live_check (void);

/* About ten pages of 511 objects each.  */
#define BURST 5000

static long sum;

coroutine_fn static void
holder (void *opaque)
{
  long i = (long) opaque;
  cpc_suspend ();
  sum += i;
}

static int
pages (void)
{
  int n = 0;
  for (struct slab_page_head *p = cpc__slab_pages; p; p = p->next)
    n++;
  return n;
}

static void
burst (cpc_coroutine **co)
{
  for (long i = 0; i < BURST; i++)
    {
      co[i] = cpc_create (holder, (void *) i);
      cpc_enter (co[i]);
    }
  CHECK (cpc__live_check () == BURST);
  for (long i = 0; i < BURST; i++)
    cpc_enter (co[i]);
  CHECK (cpc__live_check () == 0);
}

int
main (void)
{
  static cpc_coroutine *co[BURST];
  CHECK (pages () == 0);
  burst (co);
  CHECK (sum == (long) BURST * (BURST - 1) / 2);
  /* The first 256 to finish went to the cache (their page stays); the
     rest went back to their pages, and every page left empty but one
     went back to the system (out of the list of pages).  */
  int after_first = pages ();
  CHECK (after_first >= 1 && after_first <= 2);
  burst (co);
  CHECK (sum == (long) BURST * (BURST - 1));
  CHECK (pages () == after_first);
  return 0;
}
