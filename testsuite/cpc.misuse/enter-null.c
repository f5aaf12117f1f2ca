/* cpc_create and cpc_enter reject NULL with a message.  */
/* { dg-output "cpc: cpc_enter: coroutine is NULL" } */
#include <cpc.h>

int
main (void)
{
  cpc_enter (0);
  return 0;
}
