/* cpc: stackless coroutines for C, lowered by the cpc GCC plugin.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_H
#define CPC_H

#if !defined (__CPC__) && !defined (CPC_BUILDING_RUNTIME)
#error "<cpc.h> needs the cpc GCC plugin: compile with -fplugin=cpc (see: pkg-config --cflags cpc)"
#endif

#include <stdbool.h>
#include <stdint.h>
#include "cpc-abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __CPC__
/* Marks a function (declaration or function type) that may suspend.  */
# define coroutine_fn __attribute__ ((coroutine_fn))
#else
/* Only libcpc's own plain-C files see this: they never call a
   coroutine_fn except through the trampoline.  */
# define coroutine_fn
#endif

typedef struct cpc_coroutine cpc_coroutine;
typedef void coroutine_fn cpc_entry_fn (void *opaque);

/* Create a coroutine that will run ENTRY (OPAQUE); it does not start until
   cpc_enter.  Never returns NULL (aborts when out of memory).  */
cpc_coroutine *cpc_create (cpc_entry_fn *entry, void *opaque);

/* Run CO until it suspends or returns.  A coroutine whose entry function
   returned is freed before cpc_enter returns.  Entering a running or
   finished coroutine aborts with a message.  May be called from inside a
   coroutine: the inner one runs, and cpc_enter returns to the outer one
   when it suspends or finishes.  */
void cpc_enter (cpc_coroutine *co);

/* Suspend the current coroutine: control returns to whoever called
   cpc_enter.  Expanded in place by the plugin.  */
coroutine_fn void cpc_suspend (void);

/* The running coroutine, or NULL outside any coroutine.  */
cpc_coroutine *cpc_self (void);
bool cpc_in_coroutine (void);

#ifdef __cplusplus
}
#endif

#endif /* CPC_H */
