/* coroutine_fn on a variable or a struct (diagnosed, as an error or as
   GCC's usual ignored-attribute warning), and with arguments.  */
/* { dg-do compile } */
#include <cpc.h>

int coroutine_fn v; /* { dg-message "'coroutine_fn' attribute only applies to function" } */

struct coroutine_fn s { int x; }; /* { dg-message "'coroutine_fn' attribute only applies to function" } */

/* The macro would expand coroutine_fn; the __x__ spelling names the same
   attribute.  */
__attribute__ ((__coroutine_fn__ (1))) void f (void); /* { dg-error "wrong number of arguments specified for '(__)?coroutine_fn(__)?' attribute" } */
