/* Calling through a coroutine_fn pointer from a plain function.  */
/* { dg-do compile } */
#include <cpc.h>

typedef int coroutine_fn (*op_fn) (int);

int
f (op_fn op)
{
  return op (1); /* { dg-error "from 'f', which is not a coroutine_fn" } */
}
