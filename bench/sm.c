/* The hand-written C state machine: the practical limit.  Every
   coroutine is an explicit frame struct with a state index and a switch
   at the top of its resume function; where the workload needs one frame
   per call level, each level mallocs its frame (there is no arena).  A
   call that may suspend is a direct call returning SUSP; a suspension
   unwinds by returning SUSP up the chain and is resumed from its
   innermost frame, as cpc's generated code does.  Compiled with gcc -O2.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#include "common.h"

enum { DONE = 0, SUSP = 1 };
volatile int never;		/* 0: conditional suspensions never taken */

/* ---- yield ------------------------------------------------------------ */

struct gen
{
  int (*resume) (struct gen *);
  int state;
  long count;
  int stop;
};

static int
gen_resume (struct gen *g)
{
  switch (g->state)
    {
    case 0:
      while (!g->stop)
	{
	  g->count++;
	  g->state = 1;
	  return SUSP;
	case 1:;
	}
    }
  return DONE;
}

static double
w_yield (void)
{
  long n = bench_iters (YIELD_ITERS);
  struct gen *g = malloc (sizeof *g);
  g->resume = gen_resume;
  g->state = 0;
  g->count = 0;
  g->stop = 0;
  g->resume (g);		/* started: suspended in the loop */
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      int (*r) (struct gen *) = g->resume;
      OPAQUE (r);
      r (g);
    }
  double t1 = bench_now ();
  g->stop = 1;
  bench_check (g->resume (g) == DONE && g->count == n + 1, "yield");
  free (g);
  return (t1 - t0) * 1e9 / n;
}

/* ---- lifecycle: malloc, run to completion, free ----------------------- */

struct life
{
  int (*resume) (struct life *);
  int state;
  int a, b;
  int *out;
};

static int
life_resume (struct life *f)
{
  switch (f->state)
    {
    case 0:
      if (never)
	{
	  f->state = 1;
	  return SUSP;
	case 1:;
	}
      *f->out = f->a + f->b;
    }
  return DONE;
}

static double
w_lifecycle (void)
{
  long n = bench_iters (LIFE_ITERS);
  int out = 0;
  long sum = 0;
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      struct life *f = malloc (sizeof *f);
      f->resume = life_resume;
      f->state = 0;
      f->a = i;
      f->b = 1;
      f->out = &out;
      OPAQUE (f);
      if (f->resume (f) == DONE)
	free (f);
      sum += out;
    }
  double t1 = bench_now ();
  bench_check (sum == (long) n * (n + 1) / 2, "lifecycle");
  return (t1 - t0) * 1e9 / n;
}

/* ---- nested calls, one malloc'd frame per level ----------------------- */

struct nf
{
  int (*resume) (struct nf *);
  struct nf *caller;
  struct nf *child;
  int state;
  int n;
  int result;
  int suspend;			/* the innermost suspends */
};

static struct nf *nf_top;	/* innermost suspended frame */

static int
nf_run (struct nf *f)
{
  switch (f->state)
    {
    case 0:
      if (f->n == 0)
	{
	  if (f->suspend)
	    {
	      f->state = 1;
	      nf_top = f;
	      return SUSP;
	    }
	  f->result = 1;
	  return DONE;
	}
      {
	struct nf *c = malloc (sizeof *c);
	c->resume = nf_run;
	c->caller = f;
	c->state = 0;
	c->n = f->n - 1;
	c->suspend = f->suspend;
	f->child = c;
	f->state = 2;
	if (nf_run (c) == SUSP)
	  return SUSP;
	goto cont2;
      }
    case 1:
      f->result = 1;
      return DONE;
    case 2:
    cont2:
      {
	int r = f->child->result;
	free (f->child);
	OPAQUE (r);
	f->result = r + 1;
	return DONE;
      }
    }
  abort ();
}

/* Depth DEPTH, innermost suspends; then resume it and unwind.  */
static double
w_nested (void)
{
  long n = bench_iters (NEST_ITERS);
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      struct nf *root = malloc (sizeof *root);
      root->resume = nf_run;
      root->caller = NULL;
      root->state = 0;
      root->n = DEPTH - 1;
      root->suspend = 1;
      if (nf_run (root) != SUSP)
	abort ();
      /* The trampoline: resume the innermost frame, then its callers.  */
      struct nf *f = nf_top;
      while (f->resume (f) == DONE && f->caller)
	f = f->caller;
      bench_check (root->result == DEPTH, "nested");
      free (root);
    }
  double t1 = bench_now ();
  return (t1 - t0) * 1e9 / ((double) n * DEPTH);
}

/* Depth DEPTH, nothing suspends: the per-level cost of a call.  */
static double
w_callnest (void)
{
  long n = bench_iters (CALL_ITERS);
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      struct nf *root = malloc (sizeof *root);
      root->resume = nf_run;
      root->caller = NULL;
      root->state = 0;
      root->n = DEPTH - 1;
      root->suspend = never;
      if (nf_run (root) != DONE)
	abort ();
      bench_check (root->result == DEPTH, "callnest");
      free (root);
    }
  double t1 = bench_now ();
  return (t1 - t0) * 1e9 / ((double) n * DEPTH);
}

/* One level: a loop of calls to a coroutine that does not suspend.  */
struct add1
{
  int (*resume) (struct add1 *);
  int state;
  int x, result;
};

static __attribute__ ((noinline)) int
add1_run (struct add1 *f)
{
  switch (f->state)
    {
    case 0:
      if (never)
	{
	  f->state = 1;
	  return SUSP;
	case 1:;
	}
      f->result = f->x + 1;
    }
  return DONE;
}

static double
w_call (void)
{
  long n = bench_iters (YIELD_ITERS);
  int x = 0;
  double t0 = bench_now ();
  for (long i = 0; i < n; i++)
    {
      struct add1 *f = malloc (sizeof *f);
      f->resume = add1_run;
      f->state = 0;
      f->x = x;
      if (add1_run (f) == SUSP)
	abort ();
      x = f->result;
      free (f);
    }
  double t1 = bench_now ();
  bench_check (x == n, "call");
  return (t1 - t0) * 1e9 / n;
}

/* ---- condvar ping-pong through a run queue ---------------------------- */

struct task
{
  int (*resume) (struct task *);
  struct task *next;
  int state;
  long i;
};
struct queue { struct task *head, *tail; };

static struct queue runq;
static struct queue ping_c, pong_c;
static int turn, pp_done;
static long pp_iters;

static inline void
q_push (struct queue *q, struct task *t)
{
  t->next = NULL;
  if (q->tail)
    q->tail->next = t;
  else
    q->head = t;
  q->tail = t;
}

static inline struct task *
q_pop (struct queue *q)
{
  struct task *t = q->head;
  if (t && !(q->head = t->next))
    q->tail = NULL;
  return t;
}

static inline void
cond_signal (struct queue *c)
{
  struct task *t = q_pop (c);
  if (t)
    q_push (&runq, t);
}

static int
ping_run (struct task *t)
{
  switch (t->state)
    {
    case 0:
      for (t->i = 0; t->i < pp_iters; t->i++)
	{
	  turn = 1;
	  cond_signal (&pong_c);
	  while (turn == 1)
	    {
	      q_push (&ping_c, t);
	      t->state = 1;
	      return SUSP;
	    case 1:;
	    }
	}
      pp_done = 1;
      cond_signal (&pong_c);
    }
  return DONE;
}

static int
pong_run (struct task *t)
{
  switch (t->state)
    {
    case 0:
      for (;;)
	{
	  while (turn == 0 && !pp_done)
	    {
	      q_push (&pong_c, t);
	      t->state = 1;
	      return SUSP;
	    case 1:;
	    }
	  if (pp_done)
	    break;
	  t->i++;
	  turn = 0;
	  cond_signal (&ping_c);
	}
    }
  return DONE;
}

static double
w_pingpong (void)
{
  pp_iters = bench_iters (PINGPONG_ITERS);
  struct task *a = calloc (1, sizeof *a), *b = calloc (1, sizeof *b);
  a->resume = ping_run;
  b->resume = pong_run;
  q_push (&runq, a);
  q_push (&runq, b);
  double t0 = bench_now ();
  struct task *t;
  int finished = 0;
  while ((t = q_pop (&runq)))
    if (t->resume (t) == DONE)
      finished++;
  double t1 = bench_now ();
  bench_check (finished == 2 && b->i == pp_iters, "pingpong");
  free (a);
  free (b);
  return (t1 - t0) * 1e9 / pp_iters;
}

/* ---- skynet: a 10-ary tree of coroutine calls, 1 M leaves ------------- */

struct sk
{
  int (*resume) (struct sk *);
  struct sk *caller;
  struct sk *child;
  int state;
  int i;
  long num, size, sum;
};

static int
sk_run (struct sk *f)
{
  switch (f->state)
    {
    case 0:
      if (f->size == 1)
	{
	  if (never)
	    {
	      f->state = 1;
	      return SUSP;
	    }
	case 1:
	  f->sum = f->num;
	  return DONE;
	}
      f->sum = 0;
      for (f->i = 0; f->i < 10; f->i++)
	{
	  {
	    struct sk *c = malloc (sizeof *c);
	    c->resume = sk_run;
	    c->caller = f;
	    c->state = 0;
	    c->size = f->size / 10;
	    c->num = f->num + f->i * c->size;
	    f->child = c;
	    f->state = 2;
	    if (sk_run (c) == SUSP)
	      return SUSP;
	  }
	case 2:
	  f->sum += f->child->sum;
	  free (f->child);
	}
      return DONE;
    }
  abort ();
}

static double
w_skynet (void)
{
  struct sk *root = malloc (sizeof *root);
  root->resume = sk_run;
  root->caller = NULL;
  root->state = 0;
  root->num = 0;
  root->size = SKYNET_LEAVES;
  double t0 = bench_now ();
  if (sk_run (root) != DONE)
    abort ();
  double t1 = bench_now ();
  bench_check (root->sum == SKYNET_SUM, "skynet");
  free (root);
  return (t1 - t0) * 1e3;	/* ms */
}

/* ---- memory: suspended coroutines holding two ints -------------------- */

struct two
{
  int (*resume) (struct two *);
  int state;
  int a, b;
};

static long two_sum;

static int
two_resume (struct two *f)
{
  switch (f->state)
    {
    case 0:
      f->b = f->a * 3;
      f->state = 1;
      return SUSP;
    case 1:
      two_sum += f->a + f->b;
    }
  return DONE;
}

static double
w_memory (void)
{
  long n = MEM_COROS;
  struct two **h = malloc (n * sizeof *h);
  /* The handles are not counted: touch them now.  The barrier keeps GCC
     from making malloc + memset a calloc, whose fresh pages would only
     become resident as the loop below fills them.  */
  OPAQUE (h);
  memset (h, 0, n * sizeof *h);
  long before = bench_rss ();
  for (long i = 0; i < n; i++)
    {
      h[i] = malloc (sizeof (struct two));
      h[i]->resume = two_resume;
      h[i]->state = 0;
      h[i]->a = i;
      h[i]->resume (h[i]);
    }
  long after = bench_rss ();
  for (long i = 0; i < n; i++)
    {
      if (h[i]->resume (h[i]) != DONE)
	abort ();
      free (h[i]);
    }
  bench_check (two_sum == 4 * (n * (n - 1) / 2), "memory");
  free (h);
  return (double) (after - before) / n;
}

int
main (int argc, char **argv)
{
  const char *w = bench_args (argc, argv);
  double v;
  if (IS (w, "yield"))
    v = w_yield ();
  else if (IS (w, "lifecycle"))
    v = w_lifecycle ();
  else if (IS (w, "nested"))
    v = w_nested ();
  else if (IS (w, "callnest"))
    v = w_callnest ();
  else if (IS (w, "call"))
    v = w_call ();
  else if (IS (w, "pingpong"))
    v = w_pingpong ();
  else if (IS (w, "skynet"))
    v = w_skynet ();
  else if (IS (w, "memory"))
    v = w_memory ();
  else
    return bench_na ();
  bench_report (v);
  return 0;
}
