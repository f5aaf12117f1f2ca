/* ucontext coroutines, in two schemes, each with a STACK_SIZE stack:

   -DSCHEME_QEMU: QEMU's util/coroutine-ucontext.c.  makecontext and
     swapcontext run once per coroutine object, to start a trampoline that
     loops forever running entries; every switch is sigsetjmp/siglongjmp
     without the signal mask (no system call).  Finished coroutines go to
     a free list and are reused (QEMU's coroutine pool), stacks are mmap'd
     with a guard page (qemu_alloc_stack).
   -DSCHEME_SWAP: plain swapcontext for every switch (it saves and
     restores the signal mask: a system call each way); a malloc'd stack
     per coroutine, freed when it finishes.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#define _GNU_SOURCE
#include <setjmp.h>
#include <ucontext.h>
#include <sys/mman.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>

#ifndef STACK_SIZE
# define STACK_SIZE (64 * 1024)
#endif

struct co
{
  void (*fn) (void *);
  void *arg;
  struct co *caller;		/* who entered it */
  int finished;
  char *stack;
#ifdef SCHEME_QEMU
  sigjmp_buf env;
  struct co *pool_next;
#else
  ucontext_t uc;
#endif
};

static struct co leader;	/* the thread's main "coroutine" */
static struct co *current = &leader;

static void __attribute__ ((noreturn))
die (const char *m)
{
  perror (m);
  abort ();
}

#ifdef SCHEME_QEMU
# define STACKFUL_PP_DIV 1
# define STACKFUL_LIFE_DIV 1

enum { ENTER = 1, YIELD, TERMINATE };
static struct co *pool;

static char *
alloc_stack (void)
{
  size_t page = 4096;
  char *p = mmap (NULL, STACK_SIZE + page, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    die ("mmap");
  if (mprotect (p, page, PROT_NONE))	/* guard page, as QEMU */
    die ("mprotect");
  return p + page;
}

static inline int
co_switch (struct co *from, struct co *to, int action)
{
  int ret = sigsetjmp (from->env, 0);
  if (ret == 0)
    siglongjmp (to->env, action);
  return ret;
}

static sigjmp_buf *start_env;

static void
trampoline (int lo, int hi)
{
  struct co *self = (struct co *) (((uintptr_t) (unsigned) hi << 32) | (unsigned) lo);
  /* Initialize longjmp environment and switch back the caller.  */
  if (!sigsetjmp (self->env, 0))
    siglongjmp (*start_env, 1);
  for (;;)
    {
      self->fn (self->arg);
      self->finished = 1;
      co_switch (self, self->caller, TERMINATE);
    }
}

static struct co *
co_create (void (*fn) (void *), void *arg)
{
  struct co *co = pool;
  if (co)
    pool = co->pool_next;
  else
    {
      co = calloc (1, sizeof *co);
      co->stack = alloc_stack ();
      ucontext_t old_uc, uc;
      sigjmp_buf old_env;
      if (getcontext (&uc) == -1)
	die ("getcontext");
      uc.uc_link = &old_uc;
      uc.uc_stack.ss_sp = co->stack;
      uc.uc_stack.ss_size = STACK_SIZE;
      uc.uc_stack.ss_flags = 0;
      uintptr_t p = (uintptr_t) co;
      makecontext (&uc, (void (*) (void)) trampoline, 2,
		   (int) (unsigned) p, (int) (unsigned) (p >> 32));
      start_env = &old_env;
      if (!sigsetjmp (old_env, 0))
	swapcontext (&old_uc, &uc);
    }
  co->fn = fn;
  co->arg = arg;
  co->finished = 0;
  return co;
}

static int
co_enter (struct co *co)
{
  struct co *self = current;
  co->caller = self;
  current = co;
  co_switch (self, co, ENTER);
  current = self;
  if (co->finished)
    {
      co->pool_next = pool;	/* back to the pool */
      pool = co;
      return 1;
    }
  return 0;
}

/* Out of line, as QEMU's qemu_coroutine_yield: a returns-twice call
   inlined into the caller would pessimize it.  */
static __attribute__ ((noinline)) void
co_yield (void)
{
  struct co *self = current;
  co_switch (self, self->caller, YIELD);
}

#else /* SCHEME_SWAP */
# define STACKFUL_PP_DIV 20
# define STACKFUL_LIFE_DIV 20

static void
trampoline (int lo, int hi)
{
  struct co *self = (struct co *) (((uintptr_t) (unsigned) hi << 32) | (unsigned) lo);
  self->fn (self->arg);
  self->finished = 1;
  swapcontext (&self->uc, &self->caller->uc);
  abort ();
}

static struct co *
co_create (void (*fn) (void *), void *arg)
{
  struct co *co = calloc (1, sizeof *co);
  co->stack = malloc (STACK_SIZE);
  if (!co || !co->stack)
    die ("malloc");
  co->fn = fn;
  co->arg = arg;
  if (getcontext (&co->uc) == -1)
    die ("getcontext");
  co->uc.uc_link = NULL;
  co->uc.uc_stack.ss_sp = co->stack;
  co->uc.uc_stack.ss_size = STACK_SIZE;
  uintptr_t p = (uintptr_t) co;
  makecontext (&co->uc, (void (*) (void)) trampoline, 2,
	       (int) (unsigned) p, (int) (unsigned) (p >> 32));
  return co;
}

static int
co_enter (struct co *co)
{
  struct co *self = current;
  co->caller = self;
  current = co;
  swapcontext (&self->uc, &co->uc);
  current = self;
  if (co->finished)
    {
      free (co->stack);
      free (co);
      return 1;
    }
  return 0;
}

/* Out of line, as QEMU's qemu_coroutine_yield: a returns-twice call
   inlined into the caller would pessimize it.  */
static __attribute__ ((noinline)) void
co_yield (void)
{
  struct co *self = current;
  swapcontext (&self->uc, &self->caller->uc);
}
#endif

#ifndef UCTX_NO_WORKLOADS
# include "stackful.h"
#endif
