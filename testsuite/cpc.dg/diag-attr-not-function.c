/* coroutine_fn on a variable or a struct, and with arguments.  */
/* { dg-do compile } */
#include <cpc.h>

int coroutine_fn v; /* { dg-error "'coroutine_fn' attribute only applies to functions" } */

struct coroutine_fn s { int x; }; /* { dg-error "'coroutine_fn' attribute only applies to functions" } */

__attribute__ ((coroutine_fn (1))) void f (void); /* { dg-error "wrong number of arguments specified for 'coroutine_fn' attribute" } */
