/* The slabs of coroutine objects (slab.h): pages cut from mmap'd
   regions, one mutex.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "slab.h"

/* Every page, newest first: what a debugger scans.  */
struct cpc_slab_page *cpc__slab_pages;
/* The pages with a free or never used slot, by class.  */
static struct cpc_slab_page *avail[CPC_CLASSES];
static pthread_mutex_t slab_lock = PTHREAD_MUTEX_INITIALIZER;

/* The slot size of class KLASS: the header and the class's chunk.  */
static size_t
slot_size (unsigned int klass)
{
  return sizeof (struct cpc_coroutine)
	 + (klass == CPC_CLASS_SMALL ? CPC_SMALL_CHUNK : CPC_LARGE_CHUNK);
}
#define FIRST_SLOT \
  ((sizeof (struct cpc_slab_page) + _Alignof (struct cpc_coroutine) - 1) \
   & ~(_Alignof (struct cpc_coroutine) - 1))

_Static_assert ((CPC_SLAB_PAGE_SIZE & (CPC_SLAB_PAGE_SIZE - 1)) == 0
		&& FIRST_SLOT + 64 * (sizeof (struct cpc_coroutine)
				      + CPC_LARGE_CHUNK) <= CPC_SLAB_PAGE_SIZE,
		"a slab page must be a power of two holding many objects");
_Static_assert ((sizeof (struct cpc_coroutine) + CPC_SMALL_CHUNK)
		% _Alignof (struct cpc_coroutine) == 0
		&& (sizeof (struct cpc_coroutine) + CPC_LARGE_CHUNK)
		   % _Alignof (struct cpc_coroutine) == 0,
		"a slot size must keep the next slot aligned");

/* P's links at offset AT (offsetof (struct cpc_slab_page, all) or
   avail): one pair of list functions serves both lists.  */
static struct cpc_slab_links *
links (struct cpc_slab_page *p, size_t at)
{
  return (struct cpc_slab_links *) ((char *) p + at);
}

static void
list_push (struct cpc_slab_page **head, struct cpc_slab_page *p, size_t at)
{
  links (p, at)->prev = NULL;
  links (p, at)->next = *head;
  if (*head)
    links (*head, at)->prev = p;
  *head = p;
}

static void
list_remove (struct cpc_slab_page **head, struct cpc_slab_page *p, size_t at)
{
  struct cpc_slab_links *l = links (p, at);
  if (l->prev)
    links (l->prev, at)->next = l->next;
  else
    *head = l->next;
  if (l->next)
    links (l->next, at)->prev = l->prev;
}

#define ALL offsetof (struct cpc_slab_page, all)
#define AVAIL offsetof (struct cpc_slab_page, avail)

/* Pages are cut from regions of REGION_PAGES, each one mapping aligned to
   the page size, so that a million coroutines take a few dozen mappings
   rather than one per page (the kernel allows some 65,000 per process).
   A page left empty keeps its mapping and first system page (its header)
   and gives the rest back with madvise; such pages are used again before
   any fresh one.  */
#define REGION_PAGES 64
static char *region_next, *region_end;
static struct cpc_slab_page *released;

/* Present in a program built with -fsanitize=address or =leak, whose
   leak checker looks for pointers in heap blocks and in the regions
   registered here, not in other memory the program maps: objects point
   at their ext blocks.  */
extern void __lsan_register_root_region (const void *, size_t)
  __attribute__ ((weak));

static void *
fresh_page (void)
{
  if (region_next == region_end)
    {
      size_t size = (size_t) REGION_PAGES * CPC_SLAB_PAGE_SIZE;
      size_t slack = CPC_SLAB_PAGE_SIZE;
      char *m = mmap (NULL, size + slack, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (m == MAP_FAILED)
	return NULL;
      char *start = (char *) (((uintptr_t) m + slack - 1)
			      & ~(uintptr_t) (slack - 1));
      if (start > m)
	munmap (m, start - m);
      if (start + size < m + size + slack)
	munmap (start + size, m + size + slack - (start + size));
      region_next = start;
      region_end = start + size;
      if (__lsan_register_root_region)
	__lsan_register_root_region (start, size);
    }
  void *p = region_next;
  region_next += CPC_SLAB_PAGE_SIZE;
  return p;
}

static void
release_page (struct cpc_slab_page *p)
{
  static size_t sys_page;
  if (!sys_page)
    sys_page = sysconf (_SC_PAGESIZE);
  if (sys_page < CPC_SLAB_PAGE_SIZE)
    madvise ((char *) p + sys_page, CPC_SLAB_PAGE_SIZE - sys_page,
	     MADV_DONTNEED);
  p->all.next = released;
  released = p;
}

static struct cpc_slab_page *
reuse_page (void)
{
  struct cpc_slab_page *p = released;
  if (p)
    released = p->all.next;
  return p;
}

/* A new page of class KLASS, linked in both lists; NULL when out of
   memory.  */
static struct cpc_slab_page *
new_page (unsigned int klass)
{
  struct cpc_slab_page *p = reuse_page ();
  if (!p)
    p = fresh_page ();
  if (!p)
    return NULL;
  p->free = NULL;
  p->used = p->carved = 0;
  p->first = FIRST_SLOT;
  p->klass = klass;
  p->slot_size = slot_size (klass);
  p->nslots = (CPC_SLAB_PAGE_SIZE - FIRST_SLOT) / p->slot_size;
  list_push (&cpc__slab_pages, p, ALL);
  list_push (&avail[klass], p, AVAIL);
  return p;
}

static int
page_full (const struct cpc_slab_page *p)
{
  return p->free == NULL && p->carved == p->nslots;
}

cpc_coroutine *
cpc__slab_alloc (unsigned int klass)
{
  pthread_mutex_lock (&slab_lock);
  struct cpc_slab_page *p = avail[klass] ? avail[klass] : new_page (klass);
  cpc_coroutine *co = NULL;
  if (p)
    {
      if (p->free)
	{
	  co = p->free;
	  p->free = *cpc__free_link (co);
	}
      else
	co = (cpc_coroutine *) ((char *) p + p->first
				+ (size_t) p->carved++ * p->slot_size);
      p->used++;
      if (page_full (p))
	list_remove (&avail[klass], p, AVAIL);
    }
  pthread_mutex_unlock (&slab_lock);
  return co;
}

void
cpc__slab_free (cpc_coroutine *co)
{
  struct cpc_slab_page *p = cpc__slab_page (co);
  pthread_mutex_lock (&slab_lock);
  if (page_full (p))
    list_push (&avail[p->klass], p, AVAIL);
  *cpc__free_link (co) = p->free;
  p->free = co;
  /* An empty page goes back unless it is all that is left to allocate
     from, so that one coroutine made and freed over and over (with the
     caches full) does not map and unmap a page each time.  */
  if (--p->used == 0 && (p->avail.next || p->avail.prev))
    {
      list_remove (&avail[p->klass], p, AVAIL);
      list_remove (&cpc__slab_pages, p, ALL);
      release_page (p);
    }
  pthread_mutex_unlock (&slab_lock);
}

void
cpc__slab_each_live (void (*fn) (cpc_coroutine *, void *), void *arg)
{
  pthread_mutex_lock (&slab_lock);
  for (struct cpc_slab_page *p = cpc__slab_pages; p; p = p->all.next)
    for (unsigned int i = 0; i < p->carved; i++)
      {
	cpc_coroutine *co = (cpc_coroutine *) ((char *) p + p->first
					       + (size_t) i * p->slot_size);
	if (__atomic_load_n (&co->magic, __ATOMIC_RELAXED) == CPC_MAGIC)
	  fn (co, arg);
      }
  pthread_mutex_unlock (&slab_lock);
}
