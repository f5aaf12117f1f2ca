/* "next" over a coroutine call that does not suspend is "next" over a
   plain call; step-suspend.exp drives it.
   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <cpc.h>

static int result;

coroutine_fn static int
twice (int x)
{
  if (x < 0)
    cpc_suspend ();
  return 2 * x;
}

coroutine_fn static void
body (void *opaque)
{
  int a = 5 + (opaque != 0);
  int b = twice (a);
  int c = b + 1;
  result = c;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (body, 0);
  cpc_enter (co);
  return result == 11 ? 0 : 1;
}
