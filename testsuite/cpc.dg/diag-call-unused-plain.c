/* The call rule holds at every optimization level, also in a plain
   function the optimizers would remove as unused.  */
/* { dg-do compile } */
/* { dg-options "-O2 -Wno-unused-function" } */
#include <cpc.h>

coroutine_fn static int co (int v) { cpc_suspend (); return v; }
static int unused_plain (int x) { return co (x); } /* { dg-error "coroutine_fn 'co' called from 'unused_plain', which is not a coroutine_fn" } */
coroutine_fn int entry (int x) { return co (x); }
