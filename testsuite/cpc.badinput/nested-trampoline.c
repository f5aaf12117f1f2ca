/* badinput: run
   The address of a GNU nested function (a trampoline on the machine stack)
   taken before a suspension and called after it.  Either diagnosed or it
   works.  */
#include <cpc.h>
#include <stdlib.h>
static int done, result;
static int apply (int (*f) (int), int v) { return f (v); }
coroutine_fn static void body (void *opaque)
{
  (void) opaque;
  int base = 10;
  int add (int x) { return x + base; }
  int (*p) (int) = add;
  cpc_suspend ();
  base = 20;
  result = apply (p, 1);
  cpc_suspend ();
  result += p (2);
  done = 1;
}
int main (void)
{
  cpc_coroutine *c = cpc_create (body, 0);
  for (int i = 0; !done; i++)
    {
      if (i > 100) abort ();
      cpc_enter (c);
    }
  if (result != 21 + 22)
    abort ();
  return 0;
}
