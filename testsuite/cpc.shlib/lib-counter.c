/* A coroutine library built with -fPIC into a shared object: its
   coroutine_fns are called from the program (another module), suspend
   inside the library, and return values across the module boundary.  */
#include <cpc.h>

int lib_calls;			/* A global of the library: GOT access.  */

coroutine_fn static int
step (int *counter, int by)
{
  int before = *counter;
  cpc_suspend ();
  *counter = before + by;
  lib_calls++;
  return *counter;
}

coroutine_fn int
lib_count_to (int *counter, int limit)
{
  int last = 0;
  for (int i = 1; *counter < limit; i++)
    last = step (counter, i);
  return last;
}
