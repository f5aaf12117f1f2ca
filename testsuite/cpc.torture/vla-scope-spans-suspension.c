/* A variable-length array whose scope spans a suspension but whose storage
   is not used after it is fine: the array dies at the suspension, and the
   stack restore at the end of its scope must not reinstate a stack pointer
   of an earlier invocation (the driver enters from varying stack depths).  */
#include <cpc.h>
#include <stdlib.h>
#include <string.h>
static int done;
/* The stack depth differs between invocations: deep recursion in the
   driver before each enter.  */
coroutine_fn static void body (void *o)
{
  int n = *(int *) o;
  int total = 0;
  for (int k = 0; k < 3; k++)
    {
      int vla[n];
      for (int i = 0; i < n; i++) vla[i] = i + k;
      for (int i = 0; i < n; i++) total += vla[i];
      cpc_suspend ();
      total++;
    }
  done = total;
}
static int deep (cpc_coroutine *co, int d)
{
  char pad[256];
  memset (pad, d, sizeof pad);
  if (d > 0)
    return deep (co, d - 1) + pad[d % 256];
  cpc_enter (co);
  return 0;
}
int main (void)
{
  int n = 10, d = 0;
  cpc_coroutine *co = cpc_create (body, &n);
  while (!done) deep (co, d += 7);
  if (done != 45 * 3 + 30 + 3) abort ();
  return 0;
}
