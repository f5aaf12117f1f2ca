/* K&R (old-style) definitions and unprototyped declarations.  */
#include <cpc.h>
coroutine_fn int add (a, b)
     int a;
     double b;
{
  cpc_suspend ();
  return a + (int) b;
}
coroutine_fn int unproto ();
coroutine_fn int caller (void)
{
  return add (1, 2.0) + unproto (1, 2, 3) + unproto ();
}
coroutine_fn int unproto (x) int x; { cpc_suspend (); return x; }
