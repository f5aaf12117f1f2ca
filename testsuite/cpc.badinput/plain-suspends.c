/* Plain functions that suspend or call coroutines, directly and through
   pointers: errors at the call.  */
#include <cpc.h>
coroutine_fn int co (int v) { cpc_suspend (); return v; }
int plain_suspends (void)
{
  cpc_suspend ();
  return 0;
}
int plain_calls (void) { int (*p) (int) = 0; return co (1) + p (2); }
static void (*sp) (void) = cpc_suspend;
