/* Analysis of one coroutine_fn before the rewrite: the diagnostics for
   constructs the rewrite cannot preserve, its suspension points, and the
   variables that must survive them.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

/* Is STMT a call that may suspend: a call of a coroutine_fn, directly or
   through a pointer whose function type carries the attribute.  */

static bool
suspending_call_p (gimple *stmt)
{
  gcall *call = dyn_cast<gcall *> (stmt);
  if (!call || gimple_call_internal_p (call))
    return false;
  return (cpc_coroutine_type_p (gimple_call_fntype (call))
	  || cpc_coroutine_decl_p (gimple_call_fndecl (call)));
}

static const char *
setjmp_like_name (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  /* __builtin_setjmp and __builtin_longjmp are already lowered here.  */
  if (gimple_call_builtin_p (call, BUILT_IN_SETJMP_SETUP)
      || gimple_call_builtin_p (call, BUILT_IN_SETJMP_RECEIVER))
    return "__builtin_setjmp";
  if (gimple_call_builtin_p (call, BUILT_IN_LONGJMP))
    return "__builtin_longjmp";
  if (gimple_call_flags (call) & ECF_RETURNS_TWICE)
    return fndecl ? IDENTIFIER_POINTER (DECL_NAME (fndecl)) : "setjmp";
  if (!fndecl || !DECL_NAME (fndecl))
    return NULL;
  static const char *const jumps[] = {
    "longjmp", "_longjmp", "siglongjmp", "__longjmp_chk",
    "__builtin_longjmp", "__libc_longjmp", NULL
  };
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  for (int i = 0; jumps[i]; i++)
    if (!strcmp (name, jumps[i]))
      return name;
  return NULL;
}

/* Diagnostics that do not need liveness.  Runs on every function; returns
   false if FUN must not be rewritten.  */

bool
cpc_diagnose_body (function *fun)
{
  bool ok = true;
  tree fndecl = fun->decl;
  bool coroutine = cpc_coroutine_decl_p (fndecl);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gcall *call = dyn_cast<gcall *> (gsi_stmt (gsi));
	if (!call)
	  continue;
	location_t loc = gimple_location (call);
	/* Calls of coroutines from plain code are diagnosed on GENERIC
	   (attribs.cc); they must not be rewritten here.  */
	if (!coroutine)
	  {
	    if (suspending_call_p (call))
	      ok = false;
	    continue;
	  }
	/* Where the address is used (the trampoline's initialization sits
	   at the function's start).  */
	if (gimple_call_builtin_p (call, BUILT_IN_ADJUST_TRAMPOLINE))
	  {
	    error_at (loc, "the address of a nested function cannot be taken "
		      "in coroutine_fn %qD: its trampoline would live in the "
		      "coroutine frame, which is not executable", fndecl);
	    ok = false;
	  }
	if (gimple_call_noreturn_p (call) && suspending_call_p (call))
	  {
	    /* A noreturn coroutine defined here is diagnosed at its
	       definition; without a continuation the call cannot be
	       rewritten either way.  */
	    tree callee = gimple_call_fndecl (call);
	    if (!callee || !DECL_STRUCT_FUNCTION (callee))
	      error_at (loc, "call to a %<noreturn%> coroutine_fn: a "
			"coroutine returns to its caller whenever it "
			"suspends");
	    ok = false;
	  }
	if (const char *name = setjmp_like_name (call))
	  {
	    error_at (loc, "%qs cannot be used in coroutine_fn %qD", name,
		      fndecl);
	    ok = false;
	  }
      }
  return ok;
}

void
cpc_find_suspend_points (function *fun, cpc_analysis &an)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      if (suspending_call_p (gsi_stmt (gsi)))
	{
	  gcall *call = as_a<gcall *> (gsi_stmt (gsi));
	  cpc_suspend_point p;
	  p.call = call;
	  p.index = an.points.length () + 1;
	  p.is_cpc_suspend = cpc_suspend_decl_p (gimple_call_fndecl (call));
	  p.loc = gimple_location (call);
	  p.live = vNULL;
	  p.stack_saves = vNULL;
	  an.points.safe_push (p);
	}
}

/* ---- Liveness ----------------------------------------------------------

   A backward dataflow over the CFG on the function's candidate variables:
   its parameters, automatic VAR_DECLs and the gimplifier's SSA-named
   temporaries.  A store to a whole register variable kills it; anything
   else that mentions a candidate (a partial store included) is a use, so
   the result errs on the side of saving.  */

struct liveness
{
  hash_map<tree, unsigned> index;
  auto_vec<tree> vars;
  bitmap_obstack obstack;
  auto_vec<bitmap> live_in, live_out;

  liveness () { bitmap_obstack_initialize (&obstack); }
  ~liveness () { bitmap_obstack_release (&obstack); }

  int
  id (tree t)
  {
    unsigned *slot = index.get (t);
    return slot ? (int) *slot : -1;
  }

  void
  add (tree t)
  {
    if (!index.get (t))
      {
	index.put (t, vars.length ());
	vars.safe_push (t);
      }
  }
};

static bool
candidate_p (tree t, tree fndecl)
{
  if (TREE_CODE (t) == SSA_NAME)
    return true;
  if (TREE_CODE (t) == PARM_DECL)
    return DECL_CONTEXT (t) == fndecl;
  /* A variable with a value expression (a VLA: *vla.0) never appears in
     the body itself: its storage pointer does, and is checked.  */
  return (VAR_P (t) && !is_global_var (t) && DECL_CONTEXT (t) == fndecl
	  && !DECL_HAS_VALUE_EXPR_P (t)
	  && TREE_CODE (DECL_SIZE_UNIT (t)) == INTEGER_CST);
}

struct use_walk
{
  liveness *lv;
  bitmap live;
  tree fndecl;
};

static tree
mark_uses_r (tree *tp, int *walk_subtrees, void *data)
{
  use_walk *w = (use_walk *) data;
  tree t = *tp;
  if (TYPE_P (t))
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  int id = w->lv->id (t);
  if (id >= 0)
    bitmap_set_bit (w->live, id);
  return NULL_TREE;
}

/* The variable wholly written by STMT, if any.  */

static tree
killed_var (gimple *stmt)
{
  tree lhs = gimple_get_lhs (stmt);
  if (lhs && (TREE_CODE (lhs) == SSA_NAME || DECL_P (lhs)))
    return lhs;
  return NULL_TREE;
}

/* Apply STMT backwards to LIVE.  */

static void
transfer (liveness &lv, gimple *stmt, bitmap live, tree fndecl)
{
  if (is_gimple_debug (stmt) || gimple_clobber_p (stmt))
    return;
  if (tree k = killed_var (stmt))
    {
      int id = lv.id (k);
      if (id >= 0)
	bitmap_clear_bit (live, id);
    }
  use_walk w = { &lv, live, fndecl };
  /* Operand 0 of an assignment or call is the killed variable itself;
     the same variable may still be read on the right-hand side.  */
  unsigned first = (killed_var (stmt)
		    && (is_gimple_assign (stmt) || is_gimple_call (stmt))) ? 1 : 0;
  for (unsigned i = first; i < gimple_num_ops (stmt); i++)
    {
      tree *op = gimple_op_ptr (stmt, i);
      if (*op)
	walk_tree (op, mark_uses_r, &w, NULL);
    }
}

static void
collect_candidates (function *fun, liveness &lv)
{
  tree fndecl = fun->decl;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    lv.add (p);
  unsigned i;
  tree var;
  FOR_EACH_LOCAL_DECL (fun, i, var)
    if (candidate_p (var, fndecl))
      lv.add (var);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	for (unsigned j = 0; j < gimple_num_ops (stmt); j++)
	  {
	    tree op = gimple_op (stmt, j);
	    if (op && TREE_CODE (op) == SSA_NAME)
	      lv.add (op);
	    else if (op && candidate_p (op, fndecl))
	      lv.add (op);
	  }
      }
}

static void
solve (function *fun, liveness &lv)
{
  unsigned n = last_basic_block_for_fn (fun);
  lv.live_in.safe_grow_cleared (n);
  lv.live_out.safe_grow_cleared (n);
  basic_block bb;
  FOR_ALL_BB_FN (bb, fun)
    {
      lv.live_in[bb->index] = BITMAP_ALLOC (&lv.obstack);
      lv.live_out[bb->index] = BITMAP_ALLOC (&lv.obstack);
    }
  int *order = XNEWVEC (int, n_basic_blocks_for_fn (fun));
  int norder = post_order_compute (order, false, false);
  bitmap tmp = BITMAP_ALLOC (&lv.obstack);
  bool changed = true;
  while (changed)
    {
      changed = false;
      for (int i = 0; i < norder; i++)
	{
	  bb = BASIC_BLOCK_FOR_FN (fun, order[i]);
	  bitmap out = lv.live_out[bb->index];
	  edge e;
	  edge_iterator ei;
	  FOR_EACH_EDGE (e, ei, bb->succs)
	    bitmap_ior_into (out, lv.live_in[e->dest->index]);
	  bitmap_copy (tmp, out);
	  for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi);
	       gsi_prev (&gsi))
	    transfer (lv, gsi_stmt (gsi), tmp, fun->decl);
	  if (!bitmap_equal_p (tmp, lv.live_in[bb->index]))
	    {
	      bitmap_copy (lv.live_in[bb->index], tmp);
	      changed = true;
	    }
	}
    }
  BITMAP_FREE (tmp);
  free (order);
}

/* For every suspension point, the variables live right after its call,
   its own result excluded (the resume path hands that over).  One
   backward walk per block: a long straight-line function with thousands
   of points stays linear.  */

static void
live_after_points (function *fun, liveness &lv, cpc_analysis &an,
		   vec<bitmap> &after)
{
  hash_map<gimple *, unsigned> point_of;
  hash_set<basic_block> blocks;
  after.safe_grow_cleared (an.points.length ());
  for (unsigned i = 0; i < an.points.length (); i++)
    {
      point_of.put (an.points[i].call, i);
      blocks.add (gimple_bb (an.points[i].call));
      after[i] = BITMAP_ALLOC (&lv.obstack);
    }
  bitmap live = BITMAP_ALLOC (&lv.obstack);
  for (basic_block bb : blocks)
    {
      bitmap_copy (live, lv.live_out[bb->index]);
      for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi);
	   gsi_prev (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  if (unsigned *i = point_of.get (stmt))
	    {
	      bitmap_copy (after[*i], live);
	      if (tree lhs = killed_var (stmt))
		{
		  int id = lv.id (lhs);
		  if (id >= 0)
		    bitmap_clear_bit (after[*i], id);
		}
	    }
	  transfer (lv, stmt, live, fun->decl);
	}
    }
}

/* Does BLOCK (the scope of a statement) lie within the scope of VAR?  */

static bool
in_scope_p (tree var, tree block, hash_map<tree, tree> &scope_of)
{
  tree *scope = scope_of.get (var);
  if (!scope || !block)
    return true;
  for (tree b = block; b && TREE_CODE (b) == BLOCK; b = BLOCK_SUPERCONTEXT (b))
    if (b == *scope)
      return true;
  return false;
}

void
cpc_record_scopes (tree block, hash_map<tree, tree> &scope_of)
{
  for (; block; block = BLOCK_CHAIN (block))
    {
      for (tree v = BLOCK_VARS (block); v; v = DECL_CHAIN (v))
	if (VAR_P (v))
	  scope_of.put (v, block);
      cpc_record_scopes (BLOCK_SUBBLOCKS (block), scope_of);
    }
}

/* Storage from alloca (and so a VLA's storage) dies when the function
   returns to its caller, as every frame does at a suspension.  */

static bool
alloca_call_p (gimple *stmt)
{
  return (gimple_call_builtin_p (stmt, BUILT_IN_ALLOCA)
	  || gimple_call_builtin_p (stmt, BUILT_IN_ALLOCA_WITH_ALIGN)
	  || gimple_call_builtin_p (stmt, BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX));
}

static void
find_alloca_values (function *fun, hash_set<tree> &derived)
{
  /* Propagate through copies and pointer arithmetic to a fixed point.  */
  bool changed = true;
  while (changed)
    {
      changed = false;
      basic_block bb;
      FOR_EACH_BB_FN (bb, fun)
	for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	     gsi_next (&gsi))
	  {
	    gimple *stmt = gsi_stmt (gsi);
	    tree lhs = killed_var (stmt);
	    if (!lhs || derived.contains (lhs))
	      continue;
	    bool from_alloca = alloca_call_p (stmt);
	    if (!from_alloca && is_gimple_assign (stmt))
	      {
		tree rhs = gimple_assign_rhs1 (stmt);
		enum tree_code code = gimple_assign_rhs_code (stmt);
		from_alloca = ((code == SSA_NAME || code == VAR_DECL
				|| code == PARM_DECL || code == NOP_EXPR
				|| code == POINTER_PLUS_EXPR)
			       && derived.contains (rhs));
	      }
	    if (from_alloca)
	      {
		derived.add (lhs);
		changed = true;
	      }
	  }
    }
}

/* The VLA whose storage pointer is PTR, if any (for the message).  */

static tree
vla_of (function *fun, tree ptr)
{
  unsigned i;
  tree var;
  FOR_EACH_LOCAL_DECL (fun, i, var)
    if (DECL_HAS_VALUE_EXPR_P (var))
      {
	tree ve = DECL_VALUE_EXPR (var);
	if (TREE_CODE (ve) == INDIRECT_REF && TREE_OPERAND (ve, 0) == ptr)
	  return var;
      }
  return NULL_TREE;
}

static tree
note_address_r (tree *tp, int *walk_subtrees, void *data)
{
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  else if (TREE_CODE (*tp) == ADDR_EXPR)
    {
      tree base = get_base_address (TREE_OPERAND (*tp, 0));
      if (base && DECL_P (base))
	((hash_set<tree> *) data)->add (base);
    }
  return NULL_TREE;
}

/* Variables whose address the body computes, or hands to an asm.  */

static void
find_escaped (function *fun, hash_set<tree> &escaped)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	/* AddressSanitizer's scope marks take addresses the program never
	   sees (and the rewrite drops them for frame variables).  */
	if (gimple_call_internal_p (stmt, IFN_ASAN_MARK))
	  continue;
	for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
	  if (gimple_op (stmt, i))
	    walk_tree (gimple_op_ptr (stmt, i), note_address_r, &escaped,
		       NULL);
	if (gasm *as = dyn_cast<gasm *> (stmt))
	  for (unsigned i = 0; i < gimple_asm_noutputs (as)
			       + gimple_asm_ninputs (as); i++)
	    {
	      tree op = (i < gimple_asm_noutputs (as)
			 ? gimple_asm_output_op (as, i)
			 : gimple_asm_input_op (as, i - gimple_asm_noutputs (as)));
	      tree base = get_base_address (TREE_VALUE (op));
	      if (base && DECL_P (base))
		escaped.add (base);
	    }
      }
}

void
cpc_compute_saved (function *fun, cpc_analysis &an)
{
  liveness lv;
  collect_candidates (fun, lv);
  solve (fun, lv);

  hash_map<tree, tree> scope_of;
  cpc_record_scopes (DECL_INITIAL (fun->decl), scope_of);
  hash_set<tree> from_alloca;
  find_alloca_values (fun, from_alloca);

  hash_set<tree> stack_saves;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      if (gimple_call_builtin_p (gsi_stmt (gsi), BUILT_IN_STACK_SAVE))
	if (tree lhs = gimple_call_lhs (gsi_stmt (gsi)))
	  stack_saves.add (lhs);

  bitmap saved = BITMAP_ALLOC (&lv.obstack);
  auto_vec<bitmap> after;
  live_after_points (fun, lv, an, after);
  hash_set<tree> reported;
  for (cpc_suspend_point &p : an.points)
    {
      bitmap across = after[p.index - 1];
      bitmap_iterator bi;
      unsigned id;
      EXECUTE_IF_SET_IN_BITMAP (across, 0, id, bi)
	{
	  tree v = lv.vars[id];
	  if (from_alloca.contains (v) && !reported.add (v))
	    {
	      if (tree vla = vla_of (fun, v))
		error_at (p.loc, "variable-length array %qD is live across "
			  "a suspension point", vla);
	      else
		error_at (p.loc, "%<alloca%> storage is live across a "
			  "suspension point");
	    }
	  if (stack_saves.contains (v) && VAR_P (v))
	    p.stack_saves.safe_push (v);
	  else if (is_gimple_reg (v) || TREE_CODE (v) == SSA_NAME)
	    p.live.safe_push (v);
	}
      for (tree v : p.stack_saves)
	bitmap_clear_bit (across, lv.id (v));
      /* At -O0 and -Og the user expects every variable in scope to show
	 its value after a suspension, dead or not: keep them all.  */
      if (!optimize || optimize_debug)
	{
	  tree block = gimple_block (p.call);
	  /* Not the call's own result: it is assigned after the call.  */
	  int result_id = killed_var (p.call) ? lv.id (killed_var (p.call)) : -1;
	  for (unsigned i = 0; i < lv.vars.length (); i++)
	    {
	      tree v = lv.vars[i];
	      if (DECL_P (v) && DECL_NAME (v) && !DECL_ARTIFICIAL (v)
		  && !DECL_IGNORED_P (v)
		  && (TREE_CODE (v) == PARM_DECL
		      || in_scope_p (v, block, scope_of))
		  && !bitmap_bit_p (across, i) && (int) i != result_id)
		{
		  bitmap_set_bit (across, i);
		  if (is_gimple_reg (v))
		    p.live.safe_push (v);
		}
	    }
	}
      bitmap_ior_into (saved, across);

      /* Memory that may be reached through a pointer stays in the frame
	 for as long as it is in scope.  */
      tree block = gimple_block (p.call);
      for (unsigned i = 0; i < lv.vars.length (); i++)
	{
	  tree v = lv.vars[i];
	  if (TREE_CODE (v) != SSA_NAME && TREE_ADDRESSABLE (v)
	      && (TREE_CODE (v) == PARM_DECL || in_scope_p (v, block, scope_of)))
	    bitmap_set_bit (saved, i);
	}
    }

  /* A frame is only CPC_FRAME_ALIGN-aligned: an over-aligned variable
     can live there only if nobody sees its address.  (TREE_ADDRESSABLE
     is too coarse: the C front end sets it for a subscripted vector.)  */
  hash_set<tree> escaped;
  find_escaped (fun, escaped);
  bitmap_iterator bi0;
  unsigned id0;
  EXECUTE_IF_SET_IN_BITMAP (saved, 0, id0, bi0)
    {
      tree v = lv.vars[id0];
      if (escaped.contains (v)
	  && DECL_ALIGN (v) > CPC_FRAME_ALIGN * BITS_PER_UNIT)
	error_at (DECL_SOURCE_LOCATION (v),
		  "%qD needs %u-byte alignment but a coroutine frame only "
		  "guarantees %u bytes, and its address is taken",
		  v, DECL_ALIGN_UNIT (v), (unsigned) CPC_FRAME_ALIGN);
    }

  /* Parameters travel from the ramp to the resume function through the
     frame, except those passed in registers (cpc_choose_direct_parms,
     below): these need a field only when live across a point.  */
  auto_bitmap live_saved;
  bitmap_copy (live_saved, saved);
  for (tree p = DECL_ARGUMENTS (fun->decl); p; p = DECL_CHAIN (p))
    bitmap_set_bit (saved, lv.id (p));

  bitmap_iterator bi;
  unsigned id;
  EXECUTE_IF_SET_IN_BITMAP (saved, 0, id, bi)
    an.saved.safe_push (lv.vars[id]);

  hash_map<tree, unsigned> points_live;
  for (cpc_suspend_point &p : an.points)
    for (tree v : p.live)
      points_live.get_or_insert (v)++;
  for (tree v : an.saved)
    {
      unsigned *n = points_live.get (v);
      /* At -O0 and -Og the user's named variables live in the frame, where
	 the debugger finds them at every line through DECL_VALUE_EXPR.  */
      bool debug_visible = (!optimize || optimize_debug) && DECL_P (v)
			   && DECL_NAME (v) && !DECL_ARTIFICIAL (v)
			   && !DECL_IGNORED_P (v);
      if ((TREE_CODE (v) != SSA_NAME && !is_gimple_reg (v))
	  || (n && *n > CPC_MAX_SPILL_POINTS) || debug_visible)
	an.resident.add (v);
    }
  cpc_choose_direct_parms (fun, an);
  if (!an.direct_parms.is_empty ())
    {
      unsigned j = 0;
      for (tree v : an.saved)
	if (TREE_CODE (v) != PARM_DECL || !an.direct_parms.contains (v)
	    || bitmap_bit_p (live_saved, lv.id (v)))
	  an.saved[j++] = v;
      an.saved.truncate (j);
    }
  /* Resident variables are never spilled.  */
  for (cpc_suspend_point &p : an.points)
    {
      unsigned j = 0;
      for (tree v : p.live)
	if (!an.resident.contains (v))
	  p.live[j++] = v;
      p.live.truncate (j);
    }
}
