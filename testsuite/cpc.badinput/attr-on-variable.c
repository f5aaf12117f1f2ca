/* coroutine_fn on variables, fields, parameters and labels.  */
#include <cpc.h>
/* __coroutine_fn__: the attribute spelled out (coroutine_fn is a macro).  */
int coroutine_fn x;
__attribute__ ((__coroutine_fn__)) int y = 1;
struct s { int coroutine_fn f; int (*coroutine_fn g) (int); };
void h (int coroutine_fn p) { (void) p; }
static int coroutine_fn *q;
int use (void) { return x + y + (q != 0); }
