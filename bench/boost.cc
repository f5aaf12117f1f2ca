// Boost.Context, fcontext API (make_fcontext / jump_fcontext: the
// assembly switch under callcc and fiber), g++ -O2.  A malloc'd 64 KiB
// stack per coroutine, freed when it finishes (Boost's fixedsize_stack).
//
// Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT
#include <boost/context/detail/fcontext.hpp>
#include <cstdlib>
#include <cstdint>

using boost::context::detail::fcontext_t;
using boost::context::detail::transfer_t;
using boost::context::detail::jump_fcontext;
using boost::context::detail::make_fcontext;

#ifndef STACK_SIZE
# define STACK_SIZE (64 * 1024)
#endif

struct co
{
  void (*fn) (void *);
  void *arg;
  fcontext_t ctx;		// the coroutine, while it is not running
  fcontext_t caller;		// whoever entered it, while it runs
  co *prev;
  int finished;
  char *stack;
};

static co *current;

static void
trampoline (transfer_t t)
{
  co *self = static_cast<co *> (t.data);
  self->caller = t.fctx;
  self->fn (self->arg);
  self->finished = 1;
  jump_fcontext (self->caller, nullptr);
  std::abort ();
}

static co *
co_create (void (*fn) (void *), void *arg)
{
  co *c = static_cast<co *> (std::calloc (1, sizeof (co)));
  c->stack = static_cast<char *> (std::malloc (STACK_SIZE));
  if (!c || !c->stack)
    std::abort ();
  c->fn = fn;
  c->arg = arg;
  c->ctx = make_fcontext (c->stack + STACK_SIZE, STACK_SIZE, trampoline);
  return c;
}

static int
co_enter (co *c)
{
  c->prev = current;
  current = c;
  transfer_t t = jump_fcontext (c->ctx, c);
  c->ctx = t.fctx;
  current = c->prev;
  if (c->finished)
    {
      std::free (c->stack);
      std::free (c);
      return 1;
    }
  return 0;
}

static __attribute__ ((noinline)) void
co_yield ()
{
  co *self = current;
  transfer_t t = jump_fcontext (self->caller, nullptr);
  self->caller = t.fctx;
}

#include "stackful.h"
