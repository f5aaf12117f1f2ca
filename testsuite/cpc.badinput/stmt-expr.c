/* badinput: run
   Statement expressions: nested, in conditions, in loop headers, leaving
   the enclosing loop with break/goto from inside, in initializers.  */
#include <cpc.h>
#include <stdlib.h>
coroutine_fn static int co (int v) { cpc_suspend (); return v; }
static int done, result;
coroutine_fn static void body (void *opaque)
{
  (void) opaque;
  int s = 0;
  for (int i = ({ cpc_suspend (); 0; }); i < ({ int t = co (5); t; }); i += ({ co (1); }))
    {
      if (({ int u = co (i); u == 3; }))
	break;
      s += ({ int a = co (i); ({ int b = co (a * 2); cpc_suspend (); b + a; }); });
    }
  while (1)
    {
      ({ if (co (s) > 0) goto out; 0; });
      s = -1;
    }
 out:;
  int arr[3] = { ({ co (1); }), ({ cpc_suspend (); 2; }), co (3) };
  s += arr[0] + arr[1] + arr[2];
  for (int j = 0; j < 4; j++)
    ({ if (j == 2) break; s += co (j); });
  result = s;
  done = 1;
}
int main (void)
{
  cpc_coroutine *c = cpc_create (body, 0);
  for (int i = 0; !done; i++)
    {
      if (i > 1000) abort ();
      cpc_enter (c);
    }
  /* i = 0,1,2: a + 2a = 0,3,6 -> 9; +6; +0+1 */
  if (result != 9 + 6 + 1)
    abort ();
  return 0;
}
