/* Register variables whose sets of suspension points are disjoint share a
   frame slot: A is live only across the first suspension, B only across
   the second, so both sit at the same offset.  C is live across both.
   The parameter is needed only between the ramp and the start of the
   body: where the target passes it in a register (the LP64 targets), an
   optimized ramp hands it over there and it has no field; elsewhere
   (i686) it travels in the frame and C shares its slot.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-cpc-dump-frames" } */
#include <cpc.h>

extern int get (void);
extern void put (int);

coroutine_fn void
shared (void *unused)
{
  int c = get ();
  int a = get ();
  cpc_suspend ();
  put (a);
  int b = get ();
  cpc_suspend ();
  put (b);
  put (c);
}

/* { dg-final { scan-frames "function 'shared' .*: 2 suspension points, frame 32 bytes" { target lp64 } } } */
/* { dg-final { scan-frames-not "field unused" { target lp64 } } } */
/* { dg-final { scan-frames "field c offset 24 size 4 \\(local\\)" { target lp64 } } } */
/* { dg-final { scan-frames "field a offset 28 size 4 \\(local, shared slot\\)" { target lp64 } } } */
/* { dg-final { scan-frames "field b offset 28 size 4 \\(local, shared slot\\)" { target lp64 } } } */
/* { dg-final { scan-frames "function 'shared' .*: 2 suspension points, frame 20 bytes" { target ilp32 } } } */
/* { dg-final { scan-frames "field unused offset 12 size 4 \\(parameter, shared slot\\)" { target ilp32 } } } */
/* { dg-final { scan-frames "field c offset 12 size 4 \\(local, shared slot\\)" { target ilp32 } } } */
/* { dg-final { scan-frames "field a offset 16 size 4 \\(local, shared slot\\)" { target ilp32 } } } */
/* { dg-final { scan-frames "field b offset 16 size 4 \\(local, shared slot\\)" { target ilp32 } } } */
