/* Test libcpc without the plugin: the coroutines below are written by
   hand exactly as the cpc plugin lowers them (docs/ABI.md).  The source
   each one stands for is in the comment above it.  Aborts on a wrong
   value; exits 0 when everything holds.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cpc.h"

#define CHECK(c)							\
  do {									\
    if (!(c))								\
      {									\
	fprintf (stderr, "selftest: %s:%d: check failed: %s\n",		\
		 __FILE__, __LINE__, #c);				\
	abort ();							\
      }									\
  } while (0)

/* The two-field prefix through which a caller reads a finished callee's
   result (docs/ABI.md, "Frames").  */
struct int_result { struct cpc_frame h; int r; };

/* ---- coroutine_fn void my_suspend (void) { cpc_suspend (); }
   (what runtime/suspend.c becomes) */
struct my_suspend_frame { struct cpc_frame hdr; };
static void my_suspend_resume (struct cpc_frame *, unsigned int);

static void
my_suspend (void)
{
  struct my_suspend_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->hdr.state = 0;
  my_suspend_resume (&fr->hdr, 0);
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, my_suspend_resume);
  else
    cpc__frame_free (fr);
}

static void
my_suspend_resume (struct cpc_frame *h, unsigned int state)
{
  struct my_suspend_frame *fr = (struct my_suspend_frame *) h;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto cont_1;
    default: abort ();
    }
start:
  fr->hdr.state = 1;
  cpc__suspend ();
  if (cpc__suspending_p ())
    return;
cont_1:
  return;
}

/* ---- coroutine_fn int plus (int a, int b) { return a + b; }
   (never suspends: the ramp's fast path) */
struct plus_frame { struct cpc_frame hdr; int retval; int a, b; };
static void plus_resume (struct cpc_frame *, unsigned int);

static int
plus (int a, int b)
{
  struct plus_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->a = a;
  fr->b = b;
  fr->hdr.state = 0;
  plus_resume (&fr->hdr, 0);
  int ret = fr->retval;
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, plus_resume);
  else
    cpc__frame_free (fr);
  return ret;
}

static void
plus_resume (struct cpc_frame *h, unsigned int state)
{
  struct plus_frame *fr = (struct plus_frame *) h;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    default: abort ();
    }
start:
  fr->retval = fr->a + fr->b;
}

/* ---- coroutine_fn int twice (int x)
   {
     cpc_suspend ();      // expanded in place: state 1
     x += 1;
     my_suspend ();       // a real call that suspends: state 2
     return x * 2;
   }  */
struct twice_frame { struct cpc_frame hdr; int retval; int x; };
static void twice_resume (struct cpc_frame *, unsigned int);

static int
twice (int x)
{
  struct twice_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->x = x;
  fr->hdr.state = 0;
  twice_resume (&fr->hdr, 0);
  int ret = fr->retval;
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, twice_resume);
  else
    cpc__frame_free (fr);
  return ret;
}

static void
twice_resume (struct cpc_frame *h, unsigned int state)
{
  struct twice_frame *fr = (struct twice_frame *) h;
  void *d;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto cont_1;
    case 2: goto resume_2;
    default: abort ();
    }
start:
  fr->hdr.state = 1;
  cpc__suspend ();
  if (cpc__suspending_p ())
    return;
cont_1:
  fr->x += 1;
  fr->hdr.state = 2;
  my_suspend ();
  if (cpc__suspending_p ())
    return;
cont_2:
  fr->retval = fr->x * 2;
  return;
resume_2:
  d = cpc__take_done ();
  cpc__frame_free (d);
  goto cont_2;
}

/* ---- struct result { int a, b, finished; };
   coroutine_fn void use_result (void *opaque)
   {
     struct result *r = opaque;
     int a = twice (5);          // state 1
     r->a = a;
     int b = twice (a);          // state 2
     r->b = plus (b, a);         // never suspends
     r->finished = 1;
   }  */
struct result { int a, b, finished; };
struct use_frame { struct cpc_frame hdr; struct result *r; int a; };
static void use_result_resume (struct cpc_frame *, unsigned int);

static void
use_result (void *opaque)
{
  struct use_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->r = opaque;
  fr->hdr.state = 0;
  use_result_resume (&fr->hdr, 0);
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, use_result_resume);
  else
    cpc__frame_free (fr);
}

static void
use_result_resume (struct cpc_frame *h, unsigned int state)
{
  struct use_frame *fr = (struct use_frame *) h;
  void *d;
  int t, b;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto resume_1;
    case 2: goto resume_2;
    default: abort ();
    }
start:
  fr->hdr.state = 1;
  t = twice (5);
  if (cpc__suspending_p ())
    return;
  fr->a = t;
cont_1:
  fr->r->a = fr->a;
  fr->hdr.state = 2;
  t = twice (fr->a);
  if (cpc__suspending_p ())
    return;
  b = t;
cont_2:
  fr->r->b = plus (b, fr->a);
  fr->r->finished = 1;
  return;
resume_1:
  d = cpc__take_done ();
  fr->a = ((struct int_result *) d)->r;
  cpc__frame_free (d);
  goto cont_1;
resume_2:
  d = cpc__take_done ();
  b = ((struct int_result *) d)->r;
  cpc__frame_free (d);
  goto cont_2;
}

static void
test_use_result (void)
{
  struct result r = { 0, 0, 0 };
  cpc_coroutine *co = cpc_create (use_result, &r);
  CHECK (cpc_self () == NULL);
  int enters = 0;
  while (!r.finished)
    {
      CHECK (enters < 5);
      cpc_enter (co);
      enters++;
      CHECK (cpc_self () == NULL);
      if (enters <= 2)
	CHECK (r.a == 0);
      else
	CHECK (r.a == 12);
    }
  CHECK (enters == 5);		/* 4 suspensions */
  CHECK (r.b == 26 + 12);
}

/* ---- coroutine_fn int depth (int n)
   {
     if (n == 0) { cpc_suspend (); return 0; }     // state 1
     int r = depth (n - 1);                        // state 2
     if (n % 10 == 0)
       r += twice (n);                             // state 3
     return plus (r, n);
   }  */
struct depth_frame { struct cpc_frame hdr; int retval; int n; int r; };
static void depth_resume (struct cpc_frame *, unsigned int);

static int
depth (int n)
{
  struct depth_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->n = n;
  fr->hdr.state = 0;
  depth_resume (&fr->hdr, 0);
  int ret = fr->retval;
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, depth_resume);
  else
    cpc__frame_free (fr);
  return ret;
}

static void
depth_resume (struct cpc_frame *h, unsigned int state)
{
  struct depth_frame *fr = (struct depth_frame *) h;
  void *d;
  int t;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto cont_1;
    case 2: goto resume_2;
    case 3: goto resume_3;
    default: abort ();
    }
start:
  if (fr->n == 0)
    {
      fr->hdr.state = 1;
      cpc__suspend ();
      if (cpc__suspending_p ())
	return;
    cont_1:
      fr->retval = 0;
      return;
    }
  fr->hdr.state = 2;
  t = depth (fr->n - 1);
  if (cpc__suspending_p ())
    return;
  fr->r = t;
cont_2:
  if (fr->n % 10 == 0)
    {
      fr->hdr.state = 3;
      t = twice (fr->n);
      if (cpc__suspending_p ())
	return;
    cont_3:
      fr->r += t;
    }
  fr->retval = plus (fr->r, fr->n);
  return;
resume_2:
  d = cpc__take_done ();
  fr->r = ((struct int_result *) d)->r;
  cpc__frame_free (d);
  goto cont_2;
resume_3:
  d = cpc__take_done ();
  t = ((struct int_result *) d)->r;
  cpc__frame_free (d);
  goto cont_3;
}

static int
depth_expected (int n)
{
  int e = 0;
  for (int i = 1; i <= n; i++)
    e += i + (i % 10 == 0 ? (i + 1) * 2 : 0);
  return e;
}

/* ---- struct deep { int n, rounds, sum, finished; };
   coroutine_fn void run_depth (void *opaque)
   {
     struct deep *p = opaque;
     for (int i = 0; i < p->rounds; i++)
       p->sum += depth (p->n);                     // state 1
     p->finished = 1;
   }  */
struct deep { int n, rounds, sum, finished; };
struct run_depth_frame { struct cpc_frame hdr; struct deep *p; int i; };
static void run_depth_resume (struct cpc_frame *, unsigned int);

static void
run_depth (void *opaque)
{
  struct run_depth_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->p = opaque;
  fr->hdr.state = 0;
  run_depth_resume (&fr->hdr, 0);
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, run_depth_resume);
  else
    cpc__frame_free (fr);
}

static void
run_depth_resume (struct cpc_frame *h, unsigned int state)
{
  struct run_depth_frame *fr = (struct run_depth_frame *) h;
  void *d;
  int t;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto resume_1;
    default: abort ();
    }
start:
  for (fr->i = 0; fr->i < fr->p->rounds; fr->i++)
    {
      fr->hdr.state = 1;
      t = depth (fr->p->n);
      if (cpc__suspending_p ())
	return;
    cont_1:
      fr->p->sum += t;
    }
  fr->p->finished = 1;
  return;
resume_1:
  d = cpc__take_done ();
  t = ((struct int_result *) d)->r;
  cpc__frame_free (d);
  goto cont_1;
}

static void
test_depth (int n, int rounds)
{
  struct deep p = { n, rounds, 0, 0 };
  cpc_coroutine *co = cpc_create (run_depth, &p);
  int enters = 0;
  while (!p.finished)
    {
      cpc_enter (co);
      enters++;
      CHECK (enters <= rounds * (1 + 2 * (n / 10)) + 1);
    }
  CHECK (enters == rounds * (1 + 2 * (n / 10)) + 1);
  CHECK (p.sum == rounds * depth_expected (n));
}

/* ---- struct nest { cpc_coroutine *outer; int inner_steps, finished; };
   coroutine_fn void inner_fn (void *opaque)
   {
     int *steps = opaque;
     ++*steps;
     my_suspend ();                                // state 1
     ++*steps;
   }
   coroutine_fn void outer_fn (void *opaque)
   {
     struct nest *n = opaque;
     cpc_coroutine *in = cpc_create (inner_fn, &n->inner_steps);
     cpc_enter (in);           // inner suspends: back here, still in outer
     CHECK (cpc_self () == n->outer && n->inner_steps == 1);
     cpc_suspend ();                               // state 1
     cpc_enter (in);           // inner finishes and is freed
     CHECK (cpc_self () == n->outer && n->inner_steps == 2);
     n->finished = 1;
   }  */
struct nest { cpc_coroutine *outer; int inner_steps, finished; };
struct inner_frame { struct cpc_frame hdr; int *steps; };
struct outer_frame { struct cpc_frame hdr; struct nest *n; cpc_coroutine *in; };
static void inner_resume (struct cpc_frame *, unsigned int);
static void outer_resume (struct cpc_frame *, unsigned int);

static void
inner_fn (void *opaque)
{
  struct inner_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->steps = opaque;
  fr->hdr.state = 0;
  inner_resume (&fr->hdr, 0);
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, inner_resume);
  else
    cpc__frame_free (fr);
}

static void
inner_resume (struct cpc_frame *h, unsigned int state)
{
  struct inner_frame *fr = (struct inner_frame *) h;
  void *d;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto resume_1;
    default: abort ();
    }
start:
  ++*fr->steps;
  fr->hdr.state = 1;
  my_suspend ();
  if (cpc__suspending_p ())
    return;
cont_1:
  ++*fr->steps;
  return;
resume_1:
  d = cpc__take_done ();
  cpc__frame_free (d);
  goto cont_1;
}

static void
outer_fn (void *opaque)
{
  struct outer_frame *fr = cpc__frame_alloc (sizeof *fr);
  fr->n = opaque;
  fr->hdr.state = 0;
  outer_resume (&fr->hdr, 0);
  if (cpc__suspending_p ())
    cpc__link (&fr->hdr, outer_resume);
  else
    cpc__frame_free (fr);
}

static void
outer_resume (struct cpc_frame *h, unsigned int state)
{
  struct outer_frame *fr = (struct outer_frame *) h;
  switch (fr->hdr.state)
    {
    case 0: goto start;
    case 1: goto cont_1;
    default: abort ();
    }
start:
  fr->in = cpc_create (inner_fn, &fr->n->inner_steps);
  cpc_enter (fr->in);
  CHECK (cpc_self () == fr->n->outer && fr->n->inner_steps == 1);
  CHECK (cpc_in_coroutine ());
  fr->hdr.state = 1;
  cpc__suspend ();
  if (cpc__suspending_p ())
    return;
cont_1:
  cpc_enter (fr->in);
  CHECK (cpc_self () == fr->n->outer && fr->n->inner_steps == 2);
  fr->n->finished = 1;
}

static void
test_nested_enter (void)
{
  struct nest n = { NULL, 0, 0 };
  n.outer = cpc_create (outer_fn, &n);
  cpc_enter (n.outer);
  CHECK (!n.finished && n.inner_steps == 1 && cpc_self () == NULL);
  cpc_enter (n.outer);
  CHECK (n.finished && n.inner_steps == 2 && cpc_self () == NULL);
  CHECK (!cpc_in_coroutine ());
}

/* ---- Misuse: each case runs in a child that must abort with a message
   starting with EXPECT.  */

static void
reenter_self (void *opaque)		/* plain code: enters itself */
{
  (void) opaque;
  cpc_enter (cpc_self ());
}

static void
bad_free (void *opaque)
{
  (void) opaque;
  void *a = cpc__frame_alloc (32);
  (void) cpc__frame_alloc (32);
  cpc__frame_free (a);			/* not the most recent frame */
}

static void
double_free (void *opaque)
{
  (void) opaque;
  void *a = cpc__frame_alloc (32);
  cpc__frame_free (a);
  cpc__frame_free (a);
}

static void
misuse (const char *what, int which, const char *expect)
{
  int pfd[2];
  CHECK (pipe (pfd) == 0);
  fflush (NULL);
  pid_t pid = fork ();
  CHECK (pid >= 0);
  if (pid == 0)
    {
      dup2 (pfd[1], 2);
      close (pfd[0]);
      switch (which)
	{
	case 0:
	  cpc__frame_alloc (16);
	  break;
	case 1:
	  my_suspend ();	/* its ramp allocates a frame first */
	  break;
	case 2:
	  cpc_enter (cpc_create (reenter_self, NULL));
	  break;
	case 3:
	  {
	    struct result r = { 0, 0, 0 };
	    cpc_coroutine *co = cpc_create (use_result, &r);
	    while (!r.finished)
	      cpc_enter (co);
	    cpc_enter (co);		/* finished and freed */
	    break;
	  }
	case 4:
	  cpc_enter (cpc_create (bad_free, NULL));
	  break;
	case 5:
	  cpc_enter (cpc_create (double_free, NULL));
	  break;
	}
      _exit (0);
    }
  close (pfd[1]);
  char buf[512];
  size_t len = 0;
  ssize_t k;
  while (len < sizeof buf - 1
	 && (k = read (pfd[0], buf + len, sizeof buf - 1 - len)) > 0)
    len += k;
  buf[len] = 0;
  close (pfd[0]);
  int status;
  CHECK (waitpid (pid, &status, 0) == pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGABRT
      || strncmp (buf, expect, strlen (expect)) != 0)
    {
      fprintf (stderr, "selftest: misuse '%s' did not abort with '%s'"
	       " (status %#x, stderr: %s)\n", what, expect, status, buf);
      abort ();
    }
}

int
main (void)
{
  test_use_result ();
  test_depth (100, 1);
  test_depth (100, 3);
  test_depth (1000, 2);
  test_nested_enter ();

  /* Under valgrind the children report the leaks of their abort.  */
  if (!getenv ("CPC_SELFTEST_NO_MISUSE"))
    {
      const char *outside = "cpc: a coroutine_fn was called outside any"
			    " coroutine; start it with cpc_create/cpc_enter";
      misuse ("frame_alloc outside", 0, outside);
      misuse ("suspend outside", 1, outside);
      misuse ("enter running", 2,
	      "cpc: cpc_enter: coroutine is already running");
      misuse ("enter finished", 3, "cpc: cpc_enter: not a live coroutine");
#ifdef CPC_ARENA_CHECK
      misuse ("free out of order", 4, "cpc: frame ");
#endif
      misuse ("double free", 5, "cpc: frame ");
    }
  puts ("selftest: PASS");
  return 0;
}
