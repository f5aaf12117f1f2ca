/* A GNU nested function cannot be a coroutine_fn: its resume function
   would need the enclosing function's static chain after a suspension.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn void
outer (void *opaque)
{
  int x = 1;
  coroutine_fn void inner (void) /* { dg-error "nested function 'inner' cannot be a coroutine_fn" } */
  {
    x++;
    cpc_suspend ();
  }
  inner ();
  (void) opaque;
}
