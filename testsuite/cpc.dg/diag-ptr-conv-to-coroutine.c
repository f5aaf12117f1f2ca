/* Converting a plain function (pointer) to a coroutine_fn pointer.  */
/* { dg-do compile } */
#include <cpc.h>

typedef int coroutine_fn (*co_fn) (int);
typedef int (*plain_fn) (int);

int plain (int x);

co_fn init = plain; /* { dg-error "conversion from plain function pointer to coroutine_fn function pointer" } */

static void take (co_fn p) { (void) p; }

co_fn
convert (plain_fn c)
{
  co_fn p;
  p = c; /* { dg-error "conversion from plain function pointer to coroutine_fn function pointer" } */
  p = (co_fn) c; /* { dg-error "conversion from plain function pointer to coroutine_fn function pointer" } */
  take (plain); /* { dg-error "conversion from plain function pointer to coroutine_fn function pointer" } */
  (void) p;
  return c; /* { dg-error "conversion from plain function pointer to coroutine_fn function pointer" } */
}
