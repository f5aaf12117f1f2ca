/* A register variable live across more suspension points than the spill
   limit (8) lives in the frame ("resident") instead of being spilled and
   reloaded at each; one live across two points is spilled as usual.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

extern int get (void);
extern void put (int);

coroutine_fn void
lasting (void *unused)
{
  int many = get ();
  int few = get ();
  cpc_suspend ();
  cpc_suspend ();
  put (few);
  cpc_suspend (); cpc_suspend (); cpc_suspend (); cpc_suspend ();
  cpc_suspend (); cpc_suspend (); cpc_suspend (); cpc_suspend ();
  put (many);
  (void) unused;
}

/* { dg-final { scan-frames "function 'lasting' .*: 10 suspension points" } } */
/* { dg-final { scan-frames "field many offset \[0-9\]+ size 4 \\(local, resident\\)" } } */
/* { dg-final { scan-frames "field few offset \[0-9\]+ size 4 \\(local" } } */
/* { dg-final { scan-frames-not "field few .*resident" } } */
