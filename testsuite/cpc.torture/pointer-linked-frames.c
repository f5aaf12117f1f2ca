/* Each recursion level links a local node into a list through the
   caller's local; the whole list, spread over many frames, is walked while
   the innermost level is suspended.  */
#include <cpc.h>
#include <stdlib.h>

struct node { int depth; struct node *next; };

static int done;
static struct node *head;

coroutine_fn static int
build (int depth, struct node *prev)
{
  struct node n = { depth, prev };
  head = &n;
  cpc_suspend ();
  if (depth < 50)
    {
      int r = build (depth + 1, &n);
      if (head != &n || n.depth != depth || n.next != prev)
	abort ();
      head = prev;
      return r + depth;
    }
  /* Walk all 51 nodes living in 51 suspended frames.  */
  int count = 0, expect = depth;
  for (struct node *p = &n; p; p = p->next, expect--)
    {
      if (p->depth != expect)
	abort ();
      count++;
    }
  if (count != 51)
    abort ();
  cpc_suspend ();
  head = prev;
  return depth;
}

coroutine_fn static void
body (void *opaque)
{
  if (build (0, NULL) != 50 * 51 / 2)
    abort ();
  done = 1;
}

int
main (void)
{
  int steps = 0;
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 1000)
	abort ();
    }
#ifdef __CPC__
  if (steps != 53)
    abort ();
#endif
  return 0;
}
