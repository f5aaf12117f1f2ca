/* Fuzzer finding (tools/fuzz/gen.py, seeds 1 2 3 6 7 8, every option set):
   __attribute__ ((fallthrough)) made cc1 crash in the plugin's conversion
   check (a CALL_EXPR to an internal function has no CALL_EXPR_FN), in
   coroutine_fn and plain functions alike.  Differential: the same output
   with the plugin and as plain C.  */
#include <cpc.h>
#include <stdio.h>

static int
plain_count (int x)
{
  int n = 0;
  switch (x)
    {
    case 0:
      n++;
      __attribute__ ((fallthrough));
    case 1:
      n += 10;
      break;
    default:
      n += 100;
    }
  return n;
}

coroutine_fn static int
co_count (int x)
{
  int n = 0;
  switch (x)
    {
    case 0:
      n++;
      cpc_suspend ();
      __attribute__ ((fallthrough));
    case 1:
      cpc_suspend ();
      n += 10;
      __attribute__ ((fallthrough));
    case 2:
      n += plain_count (x);
      break;
    default:
      cpc_suspend ();
      n += 100;
    }
  return n;
}

static int results[4];
static int done;

coroutine_fn static void
body (void *opaque)
{
  (void) opaque;
  for (int i = 0; i < 4; i++)
    results[i] = co_count (i);
  done = 1;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  while (!done)
    cpc_enter (co);
  for (int i = 0; i < 4; i++)
    printf ("%d: %d\n", i, results[i]);
  return 0;
}
