/* coroutine_fn main, in several spellings.  */
#include <cpc.h>
coroutine_fn int main (int argc, char **argv)
{
  (void) argv;
  cpc_suspend ();
  return argc - 1;
}
