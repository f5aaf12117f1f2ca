/* badinput: run
   _Generic: the controlling expression is not evaluated, the selected
   association is.  */
#include <cpc.h>
#include <stdlib.h>
static int calls;
coroutine_fn static int co (int v) { calls++; cpc_suspend (); return v; }
coroutine_fn static double cod (double v) { calls++; cpc_suspend (); return v; }
static int done, result;
coroutine_fn static void body (void *opaque)
{
  (void) opaque;
  int a = _Generic (co (1), int: 10, default: 20);
  int b = _Generic (cod (1.0), double: co (30), default: co (40));
  int c = _Generic (a, long: co (1), int: _Generic (co (2), int: co (50)));
  result = a + b + c;
  done = 1;
}
int main (void)
{
  cpc_coroutine *k = cpc_create (body, 0);
  for (int i = 0; !done; i++)
    {
      if (i > 100) abort ();
      cpc_enter (k);
    }
  if (result != 90 || calls != 2)
    abort ();
  return 0;
}
