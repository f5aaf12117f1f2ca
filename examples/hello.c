/* A generator: the coroutine produces squares, main consumes them.
   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <stdio.h>
#include <cpc.h>

struct gen { int value; bool done; };

coroutine_fn static void yield_value (struct gen *g, int v)
{
  g->value = v;
  cpc_suspend ();               /* back to main's cpc_enter */
}

coroutine_fn static void squares (void *opaque)
{
  struct gen *g = opaque;
  for (int i = 1; i <= 5; i++)  /* i lives in the frame across suspensions */
    yield_value (g, i * i);
  g->done = true;
}

int main (void)
{
  struct gen g = { 0, false };
  cpc_coroutine *co = cpc_create (squares, &g);
  for (cpc_enter (co); !g.done; cpc_enter (co))
    printf ("%d\n", g.value);   /* 1 4 9 16 25 */
  return 0;                     /* co was freed when squares returned */
}
