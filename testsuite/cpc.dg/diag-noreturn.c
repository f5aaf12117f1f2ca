/* A coroutine returns to its caller whenever it suspends, so it cannot be
   noreturn: rejected at its definition, and at calls of one declared
   elsewhere.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn __attribute__ ((noreturn)) static void
serve (void) /* { dg-error "coroutine_fn 'serve' cannot be 'noreturn'" } */
{
  for (;;)
    cpc_suspend ();
}

coroutine_fn __attribute__ ((noreturn)) void elsewhere (void);

coroutine_fn void
body (void *opaque)
{
  if (opaque)
    serve ();
  elsewhere (); /* { dg-error "call to a 'noreturn' coroutine_fn" } */
}
