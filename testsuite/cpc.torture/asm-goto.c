/* asm goto jumping backwards across a suspension point.  */
#include <cpc.h>
#include <stdlib.h>

#if defined (__x86_64__) || defined (__i386__)
# define JUMP "jmp %l0"
#elif defined (__aarch64__)
# define JUMP "b %l0"
#elif defined (__riscv)
# define JUMP "j %l0"
#elif defined (__s390__)
# define JUMP "j %l0"
#endif

static int done;

coroutine_fn static void
body (void *opaque)
{
  int n = 0;
 again:
  cpc_suspend ();
  n++;
#ifdef JUMP
  asm goto (JUMP : : : : out);
  abort ();
#endif
 out:
  if (n < 3)
    goto again;
  done = n;
}

int
main (void)
{
  cpc_coroutine *co = cpc_create (body, NULL);
  int steps = 0;
  while (!done)
    {
      cpc_enter (co);
      if (++steps > 100)
	abort ();
    }
  if (done != 3 || steps != 4)
    abort ();
  return 0;
}
