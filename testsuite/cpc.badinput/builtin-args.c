/* badinput: run
   Suspension points inside the arguments of __builtin_* functions,
   sizeof, typeof and friends (some evaluated, some not).  */
#include <cpc.h>
#include <stdlib.h>
#include <string.h>
static int calls;
coroutine_fn static int co (int v) { calls++; cpc_suspend (); return v; }
static int done;
coroutine_fn static void body (void *opaque)
{
  (void) opaque;
  char src[16] = "abcdefghijklmno", dst[16] = { 0 };
  int r = 0;
  if (__builtin_expect (co (1), 1))
    r += 1;
  r += __builtin_constant_p (co (2));		/* not evaluated */
  r += sizeof (co (3));				/* not evaluated */
  __typeof__ (co (4)) t = 5;			/* not evaluated */
  r += __builtin_choose_expr (1, co (6), 0);
  r += __builtin_classify_type (co (7)) > 0;	/* not evaluated */
  int o;
  if (__builtin_add_overflow (co (8), co (9), &o))
    abort ();
  r += o;
  __builtin_memcpy (dst, src, co (4));
  __builtin_prefetch (src + co (1));
  r += __builtin_popcount (co (255));
  r += __builtin_object_size (src + co (0), 0) == 16;	/* not evaluated: (size_t) -1 */
  r += (int) __builtin_strlen (dst + co (1));
  r += __builtin_abs (co (-3));
  r += __builtin_types_compatible_p (__typeof__ (co (1)), int);
  if (r != 1 + 0 + 4 + 6 + 1 + 17 + 8 + 0 + 3 + 3 + 1 || t != 5 || memcmp (dst, "abcd", 4))
    abort ();
  if (calls != 9)
    abort ();
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
  return 0;
}
