/* cpc_suspend as a real function, so that &cpc_suspend (a coroutine_fn
   pointer) has a ramp to call.  Compiled with the cpc plugin: the inner
   call is expanded in place to cpc__suspend ().

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "cpc.h"

coroutine_fn void
cpc_suspend (void)
{
  cpc_suspend ();
}
