/* 5000 coroutines suspended at once, resumed in reverse order until all
   finish; each checks its own state.  */
#define ORDER(k, seed) ((void) (seed), N - 1 - (k))
#include "many-coroutines.h"
