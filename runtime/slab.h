/* Where coroutine objects come from: slabs, 64 KiB pages of equal slots
   with no allocator header per object, shared by every thread.  The
   per-thread object cache (coroutine.c) sits in front, so the lock here
   is taken only when a thread's cache is empty or full.

   The pages are also how a debugger (and cpc__live_check) finds the live
   coroutines: every slot ever handed out is scanned and those whose magic
   is CPC_MAGIC are live, so objects carry no list links
   (docs/RUNTIME.md, "Memory" and "Introspection").  Not installed.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_SLAB_H
#define CPC_SLAB_H

#include "internal.h"

/* Bytes of a page, also its alignment: a slot's page is its address
   rounded down.  */
#define CPC_SLAB_PAGE_SIZE 65536

/* A page's header, at its start; the slots follow at FIRST.  A debugger
   reads the list of all pages, cpc__slab_pages, and in each the CARVED
   slots from FIRST.  */
struct cpc_slab_page;

/* A page's links in one of the lists of pages.  */
struct cpc_slab_links
{
  struct cpc_slab_page *next, *prev;
};

struct cpc_slab_page
{
  struct cpc_slab_links all;	/* every page (cpc__slab_pages) */
  struct cpc_slab_links avail;	/* pages with a free slot */
  cpc_coroutine *free;		/* freed slots (cpc__free_link) */
  unsigned int used;		/* slots handed out and not freed */
  unsigned int carved;		/* slots ever handed out: [0, carved) */
  unsigned int nslots;		/* slots the page holds */
  unsigned int first;		/* offset of slot 0 */
  unsigned int slot_size;	/* the header and the class's chunk */
  unsigned int klass;		/* CPC_CLASS_SMALL or CPC_CLASS_LARGE */
};

/* The page of CO's slot.  */
static inline struct cpc_slab_page *
cpc__slab_page (const cpc_coroutine *co)
{
  return (struct cpc_slab_page *) ((uintptr_t) co
				   & ~(uintptr_t) (CPC_SLAB_PAGE_SIZE - 1));
}

/* CO's class and the bytes of its inline chunk.  */
static inline unsigned int
cpc__class (const cpc_coroutine *co)
{
  return cpc__slab_page (co)->klass;
}

static inline size_t
cpc__chunk_size (const cpc_coroutine *co)
{
  return cpc__slab_page (co)->slot_size - sizeof (struct cpc_coroutine);
}

/* A slot of class KLASS for a coroutine object, not initialized (its
   magic is not CPC_MAGIC), or NULL when out of memory.  */
CPC_INTERNAL cpc_coroutine *cpc__slab_alloc (unsigned int klass);
/* Give CO's slot back (its magic must already be something other than
   CPC_MAGIC).  A page left with no used slot goes back to the system,
   unless it is the only page with free slots.  */
CPC_INTERNAL void cpc__slab_free (cpc_coroutine *co);
/* Call FN (CO, ARG) for every slot that holds a live coroutine (magic
   CPC_MAGIC: not one freed or waiting in a thread's cache), with the
   slab lock held: FN must not create or free coroutines.  */
CPC_INTERNAL void cpc__slab_each_live (void (*fn) (cpc_coroutine *, void *),
				       void *arg);

#endif /* CPC_SLAB_H */
