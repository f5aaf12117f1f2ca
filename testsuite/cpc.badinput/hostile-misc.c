/* Assorted hostile constructs in coroutines: local register variables
   bound to hard registers, asm operands that are suspension points,
   __builtin_return_address / frame_address, __builtin_apply_args, _Atomic
   and _Thread_local, labels as values, a coroutine_fn cleanup handler,
   local labels.  */
#include <cpc.h>
#include <stdatomic.h>
/* A callee-saved hard register and a register move, per architecture
   (an unknown one would only test GCC's "invalid register name").  */
#if defined (__x86_64__)
# define HARD_REG "rbx"
# define MOVE "mov %1, %0"
#elif defined (__i386__)
# define HARD_REG "ebx"
# define MOVE "mov %1, %0"
#elif defined (__aarch64__)
# define HARD_REG "x19"
# define MOVE "mov %w0, %w1"
#elif defined (__riscv)
# define HARD_REG "s1"
# define MOVE "mv %0, %1"
#elif defined (__s390__)
# define HARD_REG "r10"
# define MOVE "lr %0, %1"
#else
# error "hostile-misc.c: add this architecture's register and move"
#endif
coroutine_fn int co (int v) { cpc_suspend (); return v; }
coroutine_fn int regvar (void)
{
  register long r asm (HARD_REG) = 5;
  cpc_suspend ();
  return (int) r;
}
coroutine_fn int asm_ops (void)
{
  int x;
  asm (MOVE : "=r" (x) : "r" (co (7)));
  asm volatile ("" ::: "memory");
  return x;
}
coroutine_fn void *addrs (void)
{
  void *a = __builtin_return_address (0);
  cpc_suspend ();
  return (char *) a + (long) __builtin_frame_address (0);
}
coroutine_fn void *apply (void)
{
  void *args = __builtin_apply_args ();
  cpc_suspend ();
  return args;
}
coroutine_fn int atomics (void)
{
  _Atomic int a = 1;
  static _Thread_local int t = 2;
  atomic_fetch_add (&a, co (3));
  cpc_suspend ();
  return atomic_load (&a) + t;
}
coroutine_fn int labels (int k)
{
  __label__ l1;
  void *tab[] = { &&l0, &&l1 };
  void *dest = tab[k & 1];
  cpc_suspend ();
  goto *dest;
 l0:
  return 0;
 l1:
  return 1;
}
coroutine_fn void co_cleanup (int *p) { cpc_suspend (); *p = 0; }
coroutine_fn int cleanup_co (void)
{
  int x __attribute__ ((cleanup (co_cleanup))) = 3;
  cpc_suspend ();
  return x;
}
