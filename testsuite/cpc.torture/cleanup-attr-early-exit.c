/* Cleanup locals left early by return, goto and break after a suspension: each cleanup runs exactly once.  */
#include <cpc.h>
#include <stdlib.h>

static int done;

static int cleaned[8];

static void
mark (int *slot)
{
  cleaned[*slot]++;
}

coroutine_fn static int
early_return (int slot)
{
  int id __attribute__ ((cleanup (mark))) = slot;
  cpc_suspend ();
  if (slot > 0)
    return slot * 2;
  cpc_suspend ();
  return -1;
}

coroutine_fn static void
leave_by_goto (void)
{
  {
    int id __attribute__ ((cleanup (mark))) = 3;
    cpc_suspend ();
    goto out;
  }
out:
  cpc_suspend ();
}

coroutine_fn static void
leave_by_break (void)
{
  for (int i = 4; i < 7; i++)
    {
      int id __attribute__ ((cleanup (mark))) = i;
      cpc_suspend ();
      if (i == 5)
	break;
    }
}

coroutine_fn static void
body (void *opaque)
{
  if (early_return (1) != 2 || early_return (0) != -1)
    abort ();
  leave_by_goto ();
  leave_by_break ();
  static const int expect[8] = { 1, 1, 0, 1, 1, 1, 0, 0 };
  for (int i = 0; i < 8; i++)
    if (cleaned[i] != expect[i])
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
  if (steps != 8)
    abort ();
#endif
  return 0;
}
