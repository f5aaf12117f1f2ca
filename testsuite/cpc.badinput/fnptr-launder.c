/* Recursion through pointers with the wrong type: a coroutine_fn laundered
   through void * and called as plain, and a plain function called as a
   coroutine_fn.  Undefined by the language rules; the compiler must not
   crash.  */
#include <cpc.h>
typedef int plain_fn (int);
typedef int coroutine_fn co_fn (int);
coroutine_fn int rec (int n)
{
  plain_fn *p = (plain_fn *) (void *) rec;
  co_fn *q = (co_fn *) (void *) p;
  cpc_suspend ();
  return n ? q (n - 1) + 1 : 0;
}
int plain (int n) { return n; }
coroutine_fn int wrong (void)
{
  co_fn *q = (co_fn *) (void *) plain;
  return q (3);
}
