/* AddressSanitizer: the scope poisoning of a frame variable must not
   outlive the frame.  INNER_SCOPE's address-taken X ends its scope; its
   frame is freed and WRITER's frame reuses the arena memory.  The plugin
   drops ASAN_MARKs of frame variables (use-after-scope is not checked for
   them), so this runs clean.  */
/* Built everywhere; run where AddressSanitizer programs run (not under
   qemu-user for s390x: ASan's shadow lies beyond the emulator's address
   space; lib/cpc.exp, asan_run).  */
/* { dg-do link } */
/* { dg-do run { target asan_run } } */
/* { dg-options "-O0 -fsanitize=address" } */
#include <cpc.h>
#include <stdlib.h>
static int done;
static volatile int sink;
coroutine_fn static void inner_scope (void)
{
  {
    int x;
    int *p = &x;
    *p = 1;
    cpc_suspend ();
    sink = *p;
  }
  cpc_suspend ();
}
coroutine_fn static void writer (void)
{
  int y[8];
  int *q = y;
  for (int i = 0; i < 8; i++) q[i] = i;
  cpc_suspend ();
  sink = q[3];
}
coroutine_fn static void body (void *o) { inner_scope (); writer (); done = 1; }
int main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done) cpc_enter (co);
  return 0;
}
