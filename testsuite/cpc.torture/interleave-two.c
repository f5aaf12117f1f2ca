/* Two coroutines alternate through a shared mailbox: a producer and a
   consumer, each suspending while the box is full or empty.  */
#include <cpc.h>
#include <stdlib.h>

static int box, full, consumed_sum, producer_done, consumer_done;

coroutine_fn static void
producer (void *opaque)
{
  for (int i = 1; i <= 100; i++)
    {
      while (full)
	cpc_suspend ();
      box = i;
      full = 1;
    }
  producer_done = 1;
}

coroutine_fn static void
consumer (void *opaque)
{
  int expect = 1;
  while (expect <= 100)
    {
      while (!full)
	cpc_suspend ();
      if (box != expect)
	abort ();
      consumed_sum += box;
      full = 0;
      expect++;
    }
  consumer_done = 1;
}

int
main (void)
{
#ifndef __CPC__
  /* Needs real suspension (the plain-C dry run would spin forever).  */
  return 0;
#endif
  cpc_coroutine *p = cpc_create (producer, NULL);
  cpc_coroutine *c = cpc_create (consumer, NULL);
  int rounds = 0;
  while (!producer_done || !consumer_done)
    {
      if (!consumer_done)
	cpc_enter (c);
      if (!producer_done)
	cpc_enter (p);
      if (++rounds > 1000)
	abort ();
    }
  if (consumed_sum != 5050)
    abort ();
  return 0;
}
