/* A coroutine_fn calling another directly and through a coroutine_fn
   pointer, and taking and storing coroutine_fn pointers, compiles clean.  */
/* { dg-do compile } */
#include <cpc.h>

typedef int coroutine_fn (*op_fn) (int);

coroutine_fn static int
twice (int x)
{
  cpc_suspend ();
  return 2 * x;
}

static op_fn table[] = { twice };

coroutine_fn int
user (int x)
{
  op_fn p = twice;
  int a = twice (x);
  int b = p (a);
  return table[0] (b);
}
