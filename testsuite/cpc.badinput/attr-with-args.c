/* coroutine_fn with arguments.  */
#include <cpc.h>
/* __coroutine_fn__: the attribute spelled out (coroutine_fn is a macro).  */
__attribute__ ((__coroutine_fn__ (1))) void f1 (void);
__attribute__ ((__coroutine_fn__ ("x", 2))) void f2 (void);
