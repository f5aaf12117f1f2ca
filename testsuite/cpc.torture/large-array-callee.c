/* Two coroutines each with a 64 KiB local array passed by pointer to a suspending callee, interleaved: the arrays stay distinct and intact.  */
#include <cpc.h>
#include <stdlib.h>


#define N (64 * 1024 / sizeof (int))

coroutine_fn static long
fill_and_sum (int *a, int seed)
{
  for (unsigned i = 0; i < N; i++)
    {
      a[i] = seed + i;
      if (i % 8192 == 0)
	cpc_suspend ();
    }
  long s = 0;
  for (unsigned i = 0; i < N; i++)
    s += a[i];
  return s;
}

static int finished[2];

coroutine_fn static void
run (void *opaque)
{
  int seed = *(int *) opaque;
  int arr[N];
  long s = fill_and_sum (arr, seed);
  cpc_suspend ();
  long expect = (long) seed * N + (long) N * (N - 1) / 2;
  if (s != expect || arr[0] != seed || arr[N - 1] != seed + (int) N - 1)
    abort ();
  finished[seed == 1000] = 1;
}

int
main (void)
{
  int seeds[2] = { 0, 1000 };
  cpc_coroutine *a = cpc_create (run, &seeds[0]);
  cpc_coroutine *b = cpc_create (run, &seeds[1]);
  int steps = 0;
  while (!finished[0] || !finished[1])
    {
      if (!finished[0])
	cpc_enter (a);
      if (!finished[1])
	cpc_enter (b);
      if (++steps > 100)
	abort ();
    }
#ifdef __CPC__
  if (steps != 4)
    abort ();
#endif
  return 0;
}
