/* Not a test on its own: the other half of lto-mismatch-a.c.  */
#include <cpc.h>
coroutine_fn int
h (int a)
{
  cpc_suspend ();
  return a + 1;
}
