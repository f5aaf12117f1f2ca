/* A mix that once needed care: coroutine_fns through a struct of pointers
   (one returning a large struct), long double results inside one
   expression, calls in for-loop init/condition/step, a statement
   expression, a switch fallthrough and a computed goto across
   suspensions.  */
#include <cpc.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct big { long a[12]; char tag; };
struct small { short x; char y; };
typedef coroutine_fn struct big (*big_fn) (int);
struct ops { big_fn make; int coroutine_fn (*inc) (int *); };

static int done;
coroutine_fn static struct big make_big (int k)
{
  struct big b;
  for (int i = 0; i < 12; i++) b.a[i] = k * i;
  cpc_suspend ();
  b.tag = 'a' + k;
  return b;
}
coroutine_fn static int inc (int *p) { int old = *p; cpc_suspend (); *p = old + 1; return old; }
coroutine_fn static long double ld (long double x) { cpc_suspend (); return x * 2; }
coroutine_fn static struct small sm (int v) { struct small s = { v, v + 1 }; if (v & 1) cpc_suspend (); return s; }
coroutine_fn static int g (int x) { if (x > 3) cpc_suspend (); return x - 1; }

coroutine_fn static int count_down (int x)
{
  int n = 0;
  while (g (x) > 0) { x = g (x); n++; }
  return n;
}

coroutine_fn static void body (void *opaque)
{
  struct ops o = { make_big, inc };
  int x = 5;
  x = o.inc (&x) + 10;      /* x: old 5 -> *p=6, then x = 15 */
  if (x != 15) abort ();
  struct big b = o.make (3);
  if (b.tag != 'd' || b.a[11] != 33) abort ();
  long t = o.make (2).a[5];
  if (t != 10) abort ();
  long double d = ld (1.25L) + ld (0.5L);
  if (d != 3.5L) abort ();
  int s = 0;
  for (int i = g (1); i < g (10); i += g (2))
    {
      int local = i * 2;
      int *pl = &local;
      cpc_suspend ();
      s += *pl;
    }
  if (s != 2 * (0+1+2+3+4+5+6+7+8)) abort ();
  struct small q = sm (3);
  if (q.x != 3 || q.y != 4) abort ();
  int se = ({ int tmp = g (7); tmp * 2; });
  if (se != 12) abort ();
  if (count_down (6) != 5) abort ();
  (void) make_big (1);
  switch (g (3))
    {
    case 2: x = 100; cpc_suspend ();
    case 3: x += 1; break;
    default: abort ();
    }
  if (x != 101) abort ();
  static void *tbl[] = { &&l1, &&l2 };
  int st = 0;
  goto *tbl[0];
 l1:
  cpc_suspend ();
  st++;
  goto *tbl[1];
 l2:
  if (st != 1) abort ();
  done = 1;
}

int main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  int steps = 0;
  while (!done) { cpc_enter (co); if (++steps > 10000) abort (); }
  if (steps != 36)
    abort ();
  return 0;
}
