/* A coroutine_fn called from a plain function is an error naming both.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn int g (int);

int
f (int x)
{
  return g (x) + 1; /* { dg-error "coroutine_fn 'g' called from 'f', which is not a coroutine_fn" } */
}

static void
h (void)
{
  cpc_suspend (); /* { dg-error "coroutine_fn 'cpc_suspend' called from 'h', which is not a coroutine_fn" } */
}

void (*keep) (void) = h;
