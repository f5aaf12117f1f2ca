/* 5000 coroutines suspended at once, resumed in forward order until all
   finish; each checks its own state.  */
#define ORDER(k, seed) ((void) (seed), (k))
#include "many-coroutines.h"
