/* VLAs: live across a suspension (diagnosed), a suspension in the size
   expression, VLA typedefs and parameters whose size is a coroutine call,
   sizeof of a VLA after a suspension.  */
#include <cpc.h>
coroutine_fn int co (int v) { cpc_suspend (); return v; }
coroutine_fn int live (int n)
{
  int a[n];
  a[0] = 1;
  cpc_suspend ();
  return a[0];
}
coroutine_fn int size_expr (void)
{
  int a[co (4)];
  a[0] = 2;
  return a[0] + (int) sizeof a;
}
coroutine_fn int typedef_vla (int n)
{
  typedef int row[co (n)];
  row r;
  r[0] = 3;
  return r[0];
}
coroutine_fn int param_vla (int n, int a[co (n)])
{
  return a[0];
}
coroutine_fn int sizeof_after (int n)
{
  int a[n];
  size_t s = sizeof a;
  cpc_suspend ();
  return (int) s;
}
coroutine_fn int vla_ptr (int n)
{
  int (*p)[n] = 0;
  cpc_suspend ();
  return (int) sizeof *p;
}
