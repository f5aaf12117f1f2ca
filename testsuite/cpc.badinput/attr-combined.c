/* coroutine_fn repeated and combined with other attributes.  */
#include <cpc.h>
/* __coroutine_fn__: the attribute spelled out (coroutine_fn is a macro).  */
__attribute__ ((__coroutine_fn__, __coroutine_fn__)) void f3 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, noreturn)) void f4 (void) { for (;;) cpc_suspend (); }
__attribute__ ((__coroutine_fn__, always_inline)) inline void f5 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, noinline, noclone)) void f6 (void) { f5 (); }
__attribute__ ((__coroutine_fn__, returns_twice)) void f7 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, const)) int f8 (void) { cpc_suspend (); return 1; }
__attribute__ ((__coroutine_fn__, pure)) int f9 (void) { cpc_suspend (); return 2; }
__attribute__ ((__coroutine_fn__, optimize ("O3"))) int f10 (int n) { int s = 0; for (int i = 0; i < n; i++) { cpc_suspend (); s += i; } return s; }
__attribute__ ((__coroutine_fn__, constructor)) void f11 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, weak)) void f12 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, section (".text.cpc"))) void f13 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, target ("avx2"))) void f14 (void) { cpc_suspend (); }
__attribute__ ((__coroutine_fn__, target_clones ("default", "avx2"))) int f15 (int a) { cpc_suspend (); return a + 1; }
static void (*r16 (void)) (void) { return 0; }
__attribute__ ((__coroutine_fn__, ifunc ("r16"))) void f16 (void);
__attribute__ ((__coroutine_fn__, alias ("f3"))) void f17 (void);
__attribute__ ((__coroutine_fn__, naked)) void f18 (void) { }
