/* Converting a coroutine_fn (pointer) to a plain function pointer.  */
/* { dg-do compile } */
#include <cpc.h>

typedef int coroutine_fn (*co_fn) (int);
typedef int (*plain_fn) (int);

coroutine_fn int co (int x);

plain_fn init = co; /* { dg-error "conversion from coroutine_fn function pointer to plain function pointer" } */

static void take (plain_fn p) { (void) p; }

plain_fn
convert (co_fn c)
{
  plain_fn p;
  p = c; /* { dg-error "conversion from coroutine_fn function pointer to plain function pointer" } */
  p = (plain_fn) c; /* { dg-error "conversion from coroutine_fn function pointer to plain function pointer" } */
  take (co); /* { dg-error "conversion from coroutine_fn function pointer to plain function pointer" } */
  (void) p;
  return c; /* { dg-error "conversion from coroutine_fn function pointer to plain function pointer" } */
}
