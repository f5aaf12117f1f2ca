/* Two coroutines of the scheduler take turns through cpc_yield ();
   step-suspend.exp "next"s through one of them.
   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stdio.h>
#include <cpc.h>

static int total;

coroutine_fn static void worker (void *arg)
{
  int id = (int) (long) arg;
  for (int k = 0; k < 3; k++)
    {
      total += id * 10 + k;
      cpc_yield ();
      total += 1;
    }
}

int main (void)
{
  cpc_spawn (worker, (void *) 1L);
  cpc_spawn (worker, (void *) 2L);
  cpc_main_loop ();
  printf ("%d\n", total);
  return total == 102 ? 0 : 1;
}
