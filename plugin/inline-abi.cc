/* The runtime's hot paths as inline GIMPLE: frame allocation and free,
   the suspension test, cpc_suspend, linking a frame while unwinding, and
   taking a finished callee's frame.  The sequences, and the invariants of
   the runtime they rely on, are documented once, in runtime/cpc-abi.def
   ("DEF_CPC_HOT_FIELD"); runtime/cpc-abi.h has them as C.  A library call
   for each cost about as much as the rest of a coroutine call (see
   docs/BENCHMARKS.md), hence inline; the slow paths stay in libcpc.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

static void
emit (gimple_seq *seq, gimple *stmt, const cpc_stmt_origin &at)
{
  gimple_set_location (stmt, at.loc);
  gimple_set_block (stmt, at.block);
  gimple_seq_add_stmt (seq, stmt);
}

/* Append H = cpc__current; return H (a pointer to the hot block).
   VOLATILE_P: as a volatile load, for cpc_suspend (), which a function may
   repeat at each of many points: GCC's PRE (tree and RTL) would
   otherwise try to make the loads of one function redundant with each
   other through every resume path, which takes time quadratic in the
   number of points (2,000 cpc_suspend () took 4.9 s at -O2 instead of
   0.8 s).  The load is needed anyway: a call or a suspension lies
   between any two of them.  (A plain load below some number of points
   let GCC thread the ramp's test where it inlines the resume function,
   one jump less on a non-suspending path, but measured no faster, and
   cost two -O2 gdb checks.)  */

static tree
load_current (gimple_seq *seq, const cpc_stmt_origin &at,
	      bool volatile_p = false)
{
  tree ref = cpc_current_ref ();
  if (volatile_p)
    TREE_THIS_VOLATILE (ref) = TREE_SIDE_EFFECTS (ref) = 1;
  tree h = create_tmp_reg (TREE_TYPE (ref), "cpc_hot");
  emit (seq, gimple_build_assign (h, ref), at);
  return h;
}

/* PTR->FIELD.  */

static tree
field_ref (tree ptr, tree field)
{
  return build3 (COMPONENT_REF, TREE_TYPE (field), build_simple_mem_ref (ptr),
		 field, NULL_TREE);
}

/* H->NAME, H a struct cpc_hot *.  */

static tree
hot_ref (tree h, const char *name)
{
  return field_ref (h, cpc_hot_field (name));
}

/* Append TMP = H->NAME; return TMP.  */

static tree
load_hot (gimple_seq *seq, tree h, const char *name,
	  const cpc_stmt_origin &at)
{
  tree ref = hot_ref (h, name);
  tree tmp = create_tmp_reg (TREE_TYPE (ref), name);
  emit (seq, gimple_build_assign (tmp, ref), at);
  return tmp;
}

/* Append TMP = the field WHICH of the thread-local cpc__thread; return
   TMP.  */

static tree
load_tls (gimple_seq *seq, cpc_tls which, const char *name,
	  const cpc_stmt_origin &at)
{
  tree ref = cpc_tls_ref (which);
  tree tmp = create_tmp_reg (TREE_TYPE (ref), name);
  emit (seq, gimple_build_assign (tmp, ref), at);
  return tmp;
}

/* After a call to a coroutine_fn (AFTER_CALL), the callee's ramp has
   linked its frame if it suspended, so cpc__unwind says it: one
   thread-local load, where the flag is a load through cpc__current,
   which must be loaded first (that chain made a non-suspending call
   about 10% slower).  The ramp, after its resume function, needs the
   flag: that one may have suspended by itself, linking nothing.  */

void
cpc_build_suspending_test (gimple_seq *seq, tree result,
			   const cpc_stmt_origin &at, bool after_call)
{
  if (after_call)
    {
      tree u = load_tls (seq, CPC_TLS_unwind, "unwind", at);
      tree linked = create_tmp_reg (boolean_type_node, "cpc_linked");
      emit (seq, gimple_build_assign (linked, NE_EXPR, u,
				      build_int_cst (TREE_TYPE (u), 0)), at);
      emit (seq, gimple_build_assign (result, NOP_EXPR, linked), at);
      return;
    }
  tree flag = load_hot (seq, load_current (seq, at), "suspending", at);
  emit (seq, gimple_build_assign (result, NOP_EXPR, flag), at);
}

/* Append H->suspending = VALUE: a store of a constant, which GCC's PRE
   leaves alone (a read-modify-write of the word around it made PRE
   quadratic in the number of suspension points: cpc-abi.def).  */

static void
set_suspending (gimple_seq *seq, tree h, int value, const cpc_stmt_origin &at)
{
  tree ref = hot_ref (h, "suspending");
  emit (seq, gimple_build_assign (ref, build_int_cst (TREE_TYPE (ref), value)),
	at);
}

void
cpc_build_suspend (gimple_seq *seq, const cpc_stmt_origin &at)
{
  set_suspending (seq, load_current (seq, at, true), 1, at);
}

/* FRAME->NAME, FRAME a struct cpc_frame *.  */

static tree
header_ref (tree frame, const char *name)
{
  return field_ref (frame, cpc_frame_header_field (name));
}

/* Append TMP = &REF; return TMP.  */

static tree
take_address (gimple_seq *seq, tree ref, const char *name,
	      const cpc_stmt_origin &at)
{
  tree tmp = create_tmp_reg (build_pointer_type (TREE_TYPE (ref)), name);
  emit (seq, gimple_build_assign (tmp, build_fold_addr_expr (ref)), at);
  return tmp;
}

/* Without a branch, so that the ramp's unwinding path stays one block:
   *(cpc__unwind ? &cpc__unwind->caller : &H->top) = FRAME.  The two
   addresses are computed unconditionally and only the chosen one is
   written; &U->caller is computed in integers, since with U null it is
   not a valid address (-fsanitize=undefined would say so).  */

void
cpc_build_link (gimple_seq *seq, tree frame, tree resume,
		const cpc_stmt_origin &at)
{
  emit (seq, gimple_build_assign (header_ref (frame, "resume"), resume), at);
  tree h = load_current (seq, at);
  tree u = load_tls (seq, CPC_TLS_unwind, "unwind", at);
  tree frame_ptr_type = TREE_TYPE (u);
  tree caller_field = cpc_frame_header_field ("caller");
  tree uint = create_tmp_reg (pointer_sized_int_node, "cpc_uunwind");
  emit (seq, gimple_build_assign (uint, NOP_EXPR, u), at);
  tree uaddr = create_tmp_reg (pointer_sized_int_node, "cpc_ucaller");
  emit (seq, gimple_build_assign (uaddr, PLUS_EXPR, uint,
				  fold_convert (pointer_sized_int_node,
						byte_position (caller_field))),
	at);
  tree via_caller = create_tmp_reg (build_pointer_type (frame_ptr_type),
				    "cpc_via_caller");
  emit (seq, gimple_build_assign (via_caller, NOP_EXPR, uaddr), at);
  tree via_top = take_address (seq, hot_ref (h, "top"), "cpc_via_top", at);
  tree linked = create_tmp_reg (boolean_type_node, "cpc_linked");
  emit (seq, gimple_build_assign (linked, NE_EXPR, u,
				  build_int_cst (frame_ptr_type, 0)), at);
  tree target = create_tmp_reg (TREE_TYPE (via_top), "cpc_link_to");
  emit (seq, gimple_build_assign (target, COND_EXPR, linked, via_caller,
				  via_top), at);
  emit (seq, gimple_build_assign (build_simple_mem_ref (target), frame), at);
  emit (seq, gimple_build_assign (cpc_tls_ref (CPC_TLS_unwind), frame),
	at);
  /* A linked frame says so in the flag too, so that the inline cpc_enter
     tests one value, not two (cpc-abi.def).  */
  set_suspending (seq, h, 2, at);
}

void
cpc_build_take_done (gimple_seq *seq, tree done, const cpc_stmt_origin &at)
{
  tree d = load_tls (seq, CPC_TLS_done, "done", at);
  emit (seq, gimple_build_assign (done, fold_convert (TREE_TYPE (done), d)),
	at);
  emit (seq, gimple_build_assign (cpc_tls_ref (CPC_TLS_done),
				  build_int_cst (TREE_TYPE (d), 0)), at);
}

/* Put COND_SEQ, ending in a GIMPLE_COND, at the end of BB (one
   successor) and make it branch to a new block holding SLOW_SEQ when true
   (unlikely) and one holding FAST_SEQ when false; both go on to BB's
   former successor, which is returned.  */

static basic_block
build_diamond (basic_block bb, gimple_seq cond_seq, gimple_seq slow_seq,
	       gimple_seq fast_seq)
{
  /* The edges first: an edge out of a block ending in a condition
     cannot be split alone.  (The ramp's block, fresh from
     move_sese_region_to_fn, falls through to the exit with no flag.)  */
  edge out = single_succ_edge (bb);
  gimple *last = last_stmt (bb);
  if (!last || !stmt_ends_bb_p (last))
    out->flags |= EDGE_FALLTHRU;
  basic_block join = split_edge (single_succ_edge (bb));
  basic_block fast = split_edge (single_succ_edge (bb));
  gimple_stmt_iterator gsi = gsi_last_bb (bb);
  if (gsi_end_p (gsi))
    gsi_insert_seq_after (&gsi, cond_seq, GSI_NEW_STMT);
  else
    gsi_insert_seq_after (&gsi, cond_seq, GSI_CONTINUE_LINKING);

  gsi = gsi_start_bb (fast);
  gsi_insert_seq_after (&gsi, fast_seq, GSI_NEW_STMT);
  edge to_fast = single_succ_edge (bb);
  to_fast->flags &= ~EDGE_FALLTHRU;
  to_fast->flags |= EDGE_FALSE_VALUE;
  to_fast->probability = profile_probability::very_likely ();

  basic_block slow = create_empty_bb (fast);
  add_bb_to_loop (slow, bb->loop_father);
  gsi = gsi_start_bb (slow);
  gsi_insert_seq_after (&gsi, slow_seq, GSI_NEW_STMT);
  edge to_slow = make_edge (bb, slow, EDGE_TRUE_VALUE);
  to_slow->probability = profile_probability::very_unlikely ();
  make_single_succ_edge (slow, join, EDGE_FALLTHRU);
  return join;
}

static gcall *
build_runtime_call (cpc_entry which, tree arg, tree lhs)
{
  gcall *call = gimple_build_call (cpc_entry_decl (which), 1, arg);
  if (lhs)
    gimple_call_set_lhs (call, lhs);
  return call;
}

basic_block
cpc_build_frame_alloc (basic_block bb, tree result,
		       unsigned HOST_WIDE_INT size, const cpc_stmt_origin &at)
{
  size = (size + CPC_FRAME_ALIGN - 1) & ~(unsigned HOST_WIDE_INT)
    (CPC_FRAME_ALIGN - 1);
  tree size_cst = build_int_cst (size_type_node, size);

  /* NEXT = H->bump + SIZE; slow when the thread's window is not H's
     (cpc__arena_owner) or (size_t) NEXT > (size_t) its end.  */
  gimple_seq cond_seq = NULL;
  tree h = load_current (&cond_seq, at);
  tree owner = load_tls (&cond_seq, CPC_TLS_arena_owner, "arena_owner", at);
  tree bump = load_hot (&cond_seq, h, "bump", at);
  tree end = load_tls (&cond_seq, CPC_TLS_arena_end, "arena_end", at);
  tree next = create_tmp_reg (TREE_TYPE (bump), "cpc_next");
  emit (&cond_seq, gimple_build_assign (next, POINTER_PLUS_EXPR, bump,
					build_int_cst (sizetype, size)), at);
  tree unext = create_tmp_reg (size_type_node, "cpc_unext");
  emit (&cond_seq, gimple_build_assign (unext, NOP_EXPR, next), at);
  tree uend = create_tmp_reg (size_type_node, "cpc_uend");
  emit (&cond_seq, gimple_build_assign (uend, NOP_EXPR, end), at);
  tree full = create_tmp_reg (boolean_type_node, "cpc_full");
  emit (&cond_seq, gimple_build_assign (full, GT_EXPR, unext, uend), at);
  tree other = create_tmp_reg (boolean_type_node, "cpc_other");
  emit (&cond_seq, gimple_build_assign (other, NE_EXPR, owner, h), at);
  tree slow = create_tmp_reg (boolean_type_node, "cpc_slow");
  emit (&cond_seq, gimple_build_assign (slow, BIT_IOR_EXPR, other, full), at);
  emit (&cond_seq, gimple_build_cond (NE_EXPR, slow, boolean_false_node,
				      NULL_TREE, NULL_TREE), at);

  gimple_seq fast_seq = NULL;
  emit (&fast_seq, gimple_build_assign (result, fold_convert
					(TREE_TYPE (result), bump)), at);
  emit (&fast_seq, gimple_build_assign (hot_ref (h, "bump"), next), at);

  gimple_seq slow_seq = NULL;
  emit (&slow_seq, build_runtime_call (CPC_ENTRY_cpc__frame_alloc, size_cst,
				       result), at);
  return build_diamond (bb, cond_seq, slow_seq, fast_seq);
}

basic_block
cpc_build_frame_free (basic_block bb, tree frame, const cpc_stmt_origin &at,
		      bool out_of_line)
{
  if (out_of_line)
    {
      gimple_seq seq = NULL;
      emit (&seq, build_runtime_call (CPC_ENTRY_cpc__frame_free, frame,
				      NULL_TREE), at);
      gimple_stmt_iterator gsi = gsi_last_bb (bb);
      gsi_insert_seq_after (&gsi, seq, GSI_CONTINUE_LINKING);
      return bb;
    }
  /* Slow when the thread's window is not H's (cpc__arena_owner) or FRAME
     is not in [base, end), its current chunk.  Two compares rather than
     one of FRAME - base with end - base: the same instructions, and no
     wrap-around to reason about.  */
  gimple_seq cond_seq = NULL;
  tree h = load_current (&cond_seq, at);
  tree owner = load_tls (&cond_seq, CPC_TLS_arena_owner, "arena_owner", at);
  tree base = load_tls (&cond_seq, CPC_TLS_arena_base, "arena_base", at);
  tree end = load_tls (&cond_seq, CPC_TLS_arena_end, "arena_end", at);
  tree ubase = create_tmp_reg (size_type_node, "cpc_ubase");
  emit (&cond_seq, gimple_build_assign (ubase, NOP_EXPR, base), at);
  tree uend = create_tmp_reg (size_type_node, "cpc_uend");
  emit (&cond_seq, gimple_build_assign (uend, NOP_EXPR, end), at);
  tree uframe = create_tmp_reg (size_type_node, "cpc_uframe");
  emit (&cond_seq, gimple_build_assign (uframe, NOP_EXPR, frame), at);
  tree below = create_tmp_reg (boolean_type_node, "cpc_below");
  emit (&cond_seq, gimple_build_assign (below, LT_EXPR, uframe, ubase), at);
  tree above = create_tmp_reg (boolean_type_node, "cpc_above");
  emit (&cond_seq, gimple_build_assign (above, GE_EXPR, uframe, uend), at);
  tree outside = create_tmp_reg (boolean_type_node, "cpc_outside");
  emit (&cond_seq, gimple_build_assign (outside, BIT_IOR_EXPR, below, above),
	at);
  tree other = create_tmp_reg (boolean_type_node, "cpc_other");
  emit (&cond_seq, gimple_build_assign (other, NE_EXPR, owner, h), at);
  tree slow = create_tmp_reg (boolean_type_node, "cpc_slow");
  emit (&cond_seq, gimple_build_assign (slow, BIT_IOR_EXPR, other, outside),
	at);
  emit (&cond_seq, gimple_build_cond (NE_EXPR, slow, boolean_false_node,
				      NULL_TREE, NULL_TREE), at);

  gimple_seq fast_seq = NULL;
  tree bytes = create_tmp_reg (TREE_TYPE (base), "cpc_bytes");
  emit (&fast_seq, gimple_build_assign (bytes, NOP_EXPR, frame), at);
  emit (&fast_seq, gimple_build_assign (hot_ref (h, "bump"), bytes), at);
  gimple_seq slow_seq = NULL;
  emit (&slow_seq, build_runtime_call (CPC_ENTRY_cpc__frame_free, frame,
				       NULL_TREE), at);
  return build_diamond (bb, cond_seq, slow_seq, fast_seq);
}
