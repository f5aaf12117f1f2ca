/* Variadic coroutines, with and without va_start, and a variadic
   coroutine_fn pointer type.  */
#include <cpc.h>
#include <stdarg.h>
coroutine_fn int sum (int n, ...)
{
  va_list ap;
  va_start (ap, n);
  int s = 0;
  for (int i = 0; i < n; i++)
    {
      cpc_suspend ();
      s += va_arg (ap, int);
    }
  va_end (ap);
  return s;
}
coroutine_fn int nova (int n, ...) { cpc_suspend (); return n; }
typedef int coroutine_fn vfn (int, ...);
coroutine_fn int call (vfn *p) { return p (2, 3, 4); }
