/* 5000 coroutines suspended at once, resumed in a new pseudo-random order
   every pass until all finish; each checks its own state.  The order is a
   permutation: i = (7919 k + seed) mod N, 7919 being coprime to N.  */
#define ORDER(k, seed) ((int) ((7919u * (unsigned) (k) + (seed)) % N))
#include "many-coroutines.h"
