/* Shared by the cpc.gdb tests: keep values observable and drive one
   coroutine to its end.  Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */
#include <stdlib.h>
#include <cpc.h>

/* Uses V where the optimizers cannot see it.  */
static __attribute__ ((noinline, unused)) void
use_int (int v)
{
  __asm__ volatile ("" : : "r" (v) : "memory");
}

static __attribute__ ((noinline, unused)) void
use_double (double v)
{
  __asm__ volatile ("" : : "m" (v) : "memory");
}

static __attribute__ ((noinline, unused)) void
use_ptr (const void *p)
{
  __asm__ volatile ("" : : "r" (p) : "memory");
}

/* Enter CO until it finishes; abort if it takes more than MAX entries.  */
static __attribute__ ((noinline, unused)) void
run_to_end (cpc_entry_fn *entry, void *opaque, int *done, int max)
{
  cpc_coroutine *co = cpc_create (entry, opaque);
  for (int i = 0; !*done; i++)
    {
      if (i >= max)
	abort ();
      cpc_enter (co);
    }
}
