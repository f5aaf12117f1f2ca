/* badinput-lto: lto-mismatch-b.c
   A function that is a coroutine_fn in one translation unit and declared
   plain in the other, called from plain code: detect at LTO link, or
   build a program that aborts with the runtime's message.  */
#include <cpc.h>
extern int h (int);		/* really a coroutine_fn: see lto-mismatch-b.c */
int
main (void)
{
  return h (1) == 2 ? 0 : 1;
}
