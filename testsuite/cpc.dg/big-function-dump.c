/* What a function with many suspension points gives up so that it
   compiles in near-linear time (plugin/big-functions.cc): above 64
   calls to coroutine_fns, its callees' frames are freed by a call of
   cpc__frame_free; above 256 suspension points, its resume function is
   compiled without -fgcse and -ftree-pta.  At or below the thresholds,
   nothing changes.  cpc.torture/many-calls.c runs such a function.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

extern int cond (int);
/* Defined elsewhere: only the calls to it matter here.  */
extern coroutine_fn int maybe (int);

#define R2(X) X X
#define R4(X) R2 (R2 (X))
#define R16(X) R4 (R4 (X))
#define R64(X) R4 (R16 (X))
#define R256(X) R4 (R64 (X))

#define CALL s += maybe (s);
#define SUSPEND cpc_suspend (); s += cond (s);

coroutine_fn int
calls_64 (int s)
{
  R64 (CALL)
  return s;
}

coroutine_fn int
calls_65 (int s)
{
  R64 (CALL) CALL
  return s;
}

coroutine_fn int
suspends_256 (int s)
{
  R256 (SUSPEND)
  return s;
}

coroutine_fn int
suspends_257 (int s)
{
  R256 (SUSPEND) SUSPEND
  return s;
}

coroutine_fn int
calls_257 (int s)
{
  R256 (CALL) CALL
  return s;
}

/* { dg-final { scan-frames-not "function 'calls_64': \[0-9\]+ suspension points:" } } */
/* { dg-final { scan-frames "function 'calls_65': 65 suspension points: callee frames freed by cpc__frame_free$" } } */
/* { dg-final { scan-frames-not "function 'suspends_256': \[0-9\]+ suspension points:" } } */
/* { dg-final { scan-frames "function 'suspends_257': 257 suspension points: compiled without -fgcse -ftree-pta$" } } */
/* { dg-final { scan-frames "function 'calls_257': 257 suspension points: callee frames freed by cpc__frame_free; compiled without -fgcse -ftree-pta$" } } */
