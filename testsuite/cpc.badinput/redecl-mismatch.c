/* Declarations that disagree about coroutine_fn.  */
#include <cpc.h>
int f (int);
coroutine_fn int f (int a) { cpc_suspend (); return a; }
coroutine_fn int g (int);
int g (int a) { return a; }
extern int (*p) (int);
extern int coroutine_fn (*p) (int);
coroutine_fn int h (void) { return f (1) + g (2) + p (3); }
int plain (void) { return g (4); }
