/* A coroutine_fn with the cpc_entry_fn signature converts to cpc_entry_fn *
   implicitly (same coroutine_fn type): no diagnostic.  */
/* { dg-do compile } */
#include <cpc.h>

coroutine_fn void e1 (void *);
cpc_entry_fn e2;

cpc_entry_fn *entries[] = { e1, e2 };

void
start (void)
{
  cpc_enter (cpc_create (e1, 0));
  cpc_enter (cpc_create (entries[1], 0));
}
