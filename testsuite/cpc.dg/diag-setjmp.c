/* setjmp and longjmp cannot be used in a coroutine_fn.  */
/* { dg-do compile } */
#include <cpc.h>
#include <setjmp.h>

static jmp_buf env;

coroutine_fn int
f (void)
{
  if (setjmp (env)) /* { dg-error "'_?setjmp' cannot be used in coroutine_fn 'f'" } */
    return 1;
  cpc_suspend ();
  return 0;
}

coroutine_fn void
g (void)
{
  cpc_suspend ();
  longjmp (env, 1); /* { dg-error "'longjmp' cannot be used in coroutine_fn 'g'" } */
}
