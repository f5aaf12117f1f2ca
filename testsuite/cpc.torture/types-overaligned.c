/* Over-aligned values (a 32-byte vector, a 64-byte-aligned struct) live
   across suspensions: frames are only 16-byte aligned, so the plugin gives
   their slots a less aligned type and every access copes.  */
/* { dg-options "-Wno-psabi" } */
#include <cpc.h>
#include <stdlib.h>
typedef double v4d __attribute__ ((vector_size (32)));
struct big { _Alignas (64) double d[8]; };
static int done;
coroutine_fn static v4d twice (v4d x) { cpc_suspend (); return x + x; }
coroutine_fn static void body (void *o)
{
  v4d a = { 1, 2, 3, 4 };
  struct big b = { { 1, 2, 3, 4, 5, 6, 7, 8 } };
  v4d c = twice (a);
  cpc_suspend ();
  b.d[7] += c[3];
  cpc_suspend ();
  if (b.d[7] != 16 || c[0] != 2 || a[2] != 3) abort ();
  done = 1;
}
int main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done) cpc_enter (co);
  return 0;
}
