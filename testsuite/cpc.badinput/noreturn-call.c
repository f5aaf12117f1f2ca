/* badinput: run
   A noreturn coroutine_fn that suspends (a server loop), called from a
   coroutine.  Either rejected with a clear error or it works.  */
#include <cpc.h>
#include <stdlib.h>
static int n;
coroutine_fn __attribute__ ((noreturn)) static void
serve (void)
{
  for (;;)
    {
      n++;
      cpc_suspend ();
    }
}
coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  serve ();
}
int
main (void)
{
  cpc_coroutine *c = cpc_create (body, 0);
  for (int i = 0; i < 5; i++)
    cpc_enter (c);
  if (n != 5)
    abort ();
  return 0;
}
