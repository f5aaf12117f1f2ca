/* __builtin_setjmp cannot be used in a coroutine_fn.  */
/* { dg-do compile } */
#include <cpc.h>

static void *buf[5];

coroutine_fn int
f (void)
{
  if (__builtin_setjmp (buf)) /* { dg-error "'__builtin_setjmp' cannot be used in coroutine_fn 'f'" } */
    return 1;
  cpc_suspend ();
  return 0;
}
