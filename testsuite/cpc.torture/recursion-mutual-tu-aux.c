/* Second translation unit of recursion-mutual-tu.c.  */
#include <cpc.h>

coroutine_fn int is_even (unsigned n);

coroutine_fn int
is_odd (unsigned n)
{
  if (n == 0)
    return 0;
  cpc_suspend ();
  return is_even (n - 1);
}
