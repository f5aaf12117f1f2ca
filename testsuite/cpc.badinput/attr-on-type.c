/* coroutine_fn on non-function types, enums and typedefs.  */
#include <cpc.h>
/* __coroutine_fn__: the attribute spelled out (coroutine_fn is a macro).  */
struct __attribute__ ((__coroutine_fn__)) st { int a; };
union __attribute__ ((__coroutine_fn__)) un { int a; };
enum __attribute__ ((__coroutine_fn__)) en { A, B };
typedef int coroutine_fn ti;
typedef int coroutine_fn ta[4];
typedef struct st coroutine_fn ts;
ti v1;
ta v2;
