/* badinput: run
   1 MiB locals live across suspensions: an array, a struct, and a struct
   passed and returned by value; two coroutines at once.  */
#include <cpc.h>
#include <stdlib.h>
#include <string.h>
struct big { char b[1 << 20]; };
coroutine_fn static struct big fill (struct big x, char c)
{
  cpc_suspend ();
  memset (x.b + 1000, c, 1000);
  return x;
}
static int done[2];
coroutine_fn static void body (void *opaque)
{
  int id = *(int *) opaque;
  char a[1 << 20];
  struct big s;
  memset (a, 'a' + id, sizeof a);
  memset (s.b, 'x', sizeof s.b);
  cpc_suspend ();
  s = fill (s, 'y');
  cpc_suspend ();
  for (size_t i = 0; i < sizeof a; i += 4096)
    if (a[i] != 'a' + id)
      abort ();
  if (s.b[0] != 'x' || s.b[1000] != 'y' || s.b[1999] != 'y' || s.b[2000] != 'x')
    abort ();
  done[id] = 1;
}
int main (void)
{
  int ids[2] = { 0, 1 };
  cpc_coroutine *c0 = cpc_create (body, &ids[0]);
  cpc_coroutine *c1 = cpc_create (body, &ids[1]);
  for (int i = 0; !done[0] || !done[1]; i++)
    {
      if (i > 100) abort ();
      if (!done[0]) cpc_enter (c0);
      if (!done[1]) cpc_enter (c1);
    }
  return 0;
}
