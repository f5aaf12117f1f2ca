/* A plain-C stand-in for <cpc.h>, used by the differential tests
   (cpc.diff) and by the cpc_plain_dryrun mode of the testsuite: the same
   program compiled with plain gcc, no plugin and no libcpc.

   coroutine_fn is empty and cpc_suspend does nothing; cpc_enter runs the
   entry function to completion the first time a coroutine is entered and
   ignores later entries.  A program whose output depends only on what each
   coroutine computes (not on how coroutines interleave) prints the same
   here as with the plugin.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_H
#define CPC_H

#ifdef __CPC__
#error "testsuite/lib/plain/cpc.h is for plain builds without the cpc plugin"
#endif

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#define CPC_PLAIN 1
#define coroutine_fn

typedef struct cpc_coroutine cpc_coroutine;
typedef void coroutine_fn cpc_entry_fn (void *opaque);

struct cpc_coroutine
{
  cpc_entry_fn *entry;
  void *opaque;
  int state;			/* 0 created, 1 running, 2 finished */
  cpc_coroutine *prev;		/* the coroutine current before entry */
};

/* Weak, so that every translation unit of a program shares it.  */
__attribute__ ((weak)) cpc_coroutine *cpc_plain__current;

static inline __attribute__ ((unused)) cpc_coroutine *
cpc_create (cpc_entry_fn *entry, void *opaque)
{
  cpc_coroutine *co = (cpc_coroutine *) calloc (1, sizeof *co);
  if (!co)
    abort ();
  co->entry = entry;
  co->opaque = opaque;
  return co;
}

/* Not freed when finished, so that a later (ignored) entry stays safe.  */
static inline __attribute__ ((unused)) void
cpc_enter (cpc_coroutine *co)
{
  if (co->state != 0)
    return;
  co->state = 1;
  co->prev = cpc_plain__current;
  cpc_plain__current = co;
  co->entry (co->opaque);
  cpc_plain__current = co->prev;
  co->state = 2;
}

static inline __attribute__ ((unused)) void
cpc_suspend (void)
{
  if (!cpc_plain__current)
    abort ();			/* as libcpc: cpc_suspend outside a coroutine */
}

static inline __attribute__ ((unused)) cpc_coroutine *
cpc_self (void)
{
  return cpc_plain__current;
}

static inline __attribute__ ((unused)) bool
cpc_in_coroutine (void)
{
  return cpc_plain__current != NULL;
}

#endif /* CPC_H */
