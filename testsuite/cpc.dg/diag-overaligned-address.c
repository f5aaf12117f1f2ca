/* An over-aligned variable whose address is taken cannot live in a frame
   that only guarantees 16-byte alignment.  */
/* { dg-do compile } */
#include <cpc.h>

extern void take (char *);

coroutine_fn void
body (void *opaque)
{
  _Alignas (64) char buf[64]; /* { dg-error "'buf' needs 64-byte alignment but a coroutine frame only guarantees 16 bytes" } */
  take (buf);
  cpc_suspend ();
  take (buf);
  (void) opaque;
}
