/* The rewrite of one coroutine_fn F into a ramp (the symbol F, same C
   signature) and a resume function R (F's body, taking the frame and
   dispatching on its state index).  See docs/ABI.md for the protocol.

   Variables that must survive a suspension are handled in two ways:
   - memory variables (address taken, aggregates, volatiles) live in the
     frame for their whole life: every mention becomes a frame field;
   - register variables stay registers of R: they are spilled to their
     frame slot just before each suspension point they are live across,
     and reloaded on the resume path.  The optimizers keep them in
     registers everywhere else.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

namespace {

struct rewriter
{
  function *fun;
  tree fndecl;
  cpc_analysis &an;
  cpc_frame_layout &layout;

  tree resume_decl;
  tree frame_parm;		/* R's first parameter.  */
  /* R's second parameter: the state to resume at, 0 for a fresh start
     (the runtime passes the frame's, the ramp 0).  */
  tree state_parm;
  /* When optimizing (not -Og), the ramp enters R directly: it passes F's
     scalar parameters that the target puts in registers as R's further
     arguments (cpc_register_arg_prefix), stores no state, and when F
     returns an integer or pointer R returns it (DIRECT_RESULT, R's return
     value) and stores it in the frame only when it finished a resumed
     run, where its caller takes it from there.  So a call that does not
     suspend writes nothing to its frame, which R then reads from the
     arguments and the ramp from R's return value.  */
  bool direct_entry;
  hash_map<tree, tree> direct_arg;	/* F's PARM_DECL -> R's.  */
  tree direct_result;
  /* With PARMS_AS_ARGUMENTS: the debugger's handle on the frame, a local
     "__frame" of R whose DECL_VALUE_EXPR is FRAME_PARM; FRAME_PARM itself
     then has no DIE (see hidden_frame_parm), so that R's
     DW_TAG_formal_parameters are the user's parameters only ("info args",
     the frame line of a backtrace).  Otherwise NULL_TREE.  */
  tree frame_var;
  /* The user's parameters are shown as R's formal parameters (PARM_DECLs
     with DECL_VALUE_EXPRs in R's outermost BLOCK), at -O0 and -Og.
     Elsewhere they are shown as local variables: with -flto the LTO
     streamer admits no PARM_DECL in BLOCK_VARS, and when the optimizers
     may inline R (into the ramp, at -O1 and up) the inliner turns such a
     PARM_DECL into a VAR_DECL without its DECL_VALUE_EXPR, so the values
     would be lost in the inlined copy, where a VAR_DECL keeps them (and
     nothing keeps the frame parameter live there, so var-tracking needs
     it as the parameter, for its entry value).  */
  bool parms_as_arguments;
  /* At -O0/-Og with debug information: keep the frame pointer live to the
     end of R, so the debugger can always find the frame through it (its
     register could otherwise be reused once the code is done with it).  */
  bool keep_frame_for_debugger;
  /* A function with many calls frees its callees' frames by a call
     (big-functions.cc).  */
  bool free_callee_frames_out_of_line;
  /* The location of the first statement of the user's body, or
     UNKNOWN_LOCATION.  */
  location_t body_start_loc;
  void find_body_start ();
  tree top_block;		/* Scope of F's outermost variables in R.  */
  basic_block exit_bb;		/* R's single exit.  */
  basic_block start_bb;		/* Where a fresh start enters the body.  */

  /* Mentions to replace in the body: memory variables and the result by
     their frame field, parameters and saved SSA names by variables.  */
  hash_map<tree, tree> replacement;
  hash_set<tree> frame_resident;
  /* Register variables (after replacement) -> their frame field.  */
  hash_map<tree, tree> spill_slot;
  /* Every spill and reload made, for cpc_drop_redundant_spills.  */
  auto_vec<cpc_slot_access> slot_accesses;
  /* Each suspension point's resume and suspending blocks, for the same.  */
  auto_vec<cpc_resume_point> resume_points;
  void record_access (gimple *stmt, tree reg, tree field, bool is_spill);
  void record_bytes_access (gimple *stmt, tree reg, HOST_WIDE_INT off,
			    HOST_WIDE_INT size, bool is_spill, bool is_state);
  bool state_bytes (HOST_WIDE_INT *off, HOST_WIDE_INT *size);

  rewriter (function *f, cpc_analysis &a, cpc_frame_layout &l)
    : fun (f), fndecl (f->decl), an (a), layout (l), resume_decl (NULL_TREE),
      frame_parm (NULL_TREE), state_parm (NULL_TREE), direct_entry (false),
      direct_result (NULL_TREE), frame_var (NULL_TREE),
      parms_as_arguments (false), keep_frame_for_debugger (false),
      top_block (NULL_TREE), exit_bb (NULL), start_bb (NULL)
  {}

  void run ();

private:
  void build_resume_decl ();
  tree frame_ref (tree field, tree frame);
  tree header_ref (const char *name, tree frame);
  void plan_replacements ();
  void replace_in_body ();
  bool asan_mark_of_resident_p (gimple *stmt);
  void fix_stmt (gimple_stmt_iterator *gsi, gimple *stmt);
  void make_single_exit ();
  void lower_point (cpc_suspend_point &p, vec<basic_block> &resume_bbs);
  void build_dispatch (vec<basic_block> &resume_bbs);
  void build_scope ();
  void build_frame_var ();
  void show_parameters ();
  void build_ramp (basic_block bb);
  void emit_line_table ();
  tree mapped (tree v);
  tree debug_ref (tree v);
};

/* The bytes of the frame FIELD (maybe a member of a shared slot)
   occupies: false when not constant.  */

static bool
field_bytes (cpc_frame_layout &layout, tree field, HOST_WIDE_INT *off,
	     HOST_WIDE_INT *size)
{
  if (!tree_fits_shwi_p (DECL_SIZE_UNIT (field)))
    return false;
  *off = cpc_field_offset (layout, field);
  *size = tree_to_shwi (DECL_SIZE_UNIT (field));
  return true;
}

void
rewriter::record_access (gimple *stmt, tree reg, tree field, bool is_spill)
{
  HOST_WIDE_INT off, size;
  if (field_bytes (layout, field, &off, &size))
    record_bytes_access (stmt, reg, off, size, is_spill, false);
}

/* The bytes of the frame's state field.  */

bool
rewriter::state_bytes (HOST_WIDE_INT *off, HOST_WIDE_INT *size)
{
  tree field = cpc_frame_header_field ("state");
  if (!field_bytes (layout, layout.hdr_field, off, size)
      || !tree_fits_shwi_p (DECL_SIZE_UNIT (field)))
    return false;
  *off += int_byte_position (field);
  *size = tree_to_shwi (DECL_SIZE_UNIT (field));
  return true;
}

void
rewriter::record_bytes_access (gimple *stmt, tree reg, HOST_WIDE_INT off,
			       HOST_WIDE_INT size, bool is_spill,
			       bool is_state)
{
  /* Only spills and reloads may write a tracked slot: none of its bytes
     may belong to a frame-resident variable (user code writes those,
     through any pointer) or to the result.  */
  bool tracked = true;
  auto overlaps = [&] (tree other) {
    HOST_WIDE_INT o, z;
    return (!field_bytes (layout, other, &o, &z)
	    || (o < off + size && off < o + z));
  };
  for (tree v : frame_resident)
    if (overlaps (*layout.field_of->get (v)))
      tracked = false;
  if (layout.retval_field && overlaps (layout.retval_field))
    tracked = false;
  slot_accesses.safe_push ({ stmt, reg, off, size, is_spill, tracked,
			     is_state });
}

tree
rewriter::frame_ref (tree field, tree frame)
{
  tree base = build_simple_mem_ref (frame);
  if (tree *slot = layout.union_field_of->get (field))
    base = build3 (COMPONENT_REF, TREE_TYPE (*slot), base, *slot, NULL_TREE);
  tree ref = build3 (COMPONENT_REF, TREE_TYPE (field), base, field, NULL_TREE);
  if (TREE_THIS_VOLATILE (field))
    TREE_THIS_VOLATILE (ref) = TREE_SIDE_EFFECTS (ref) = 1;
  return ref;
}

tree
rewriter::header_ref (const char *name, tree frame)
{
  tree field = cpc_frame_header_field (name);
  return build3 (COMPONENT_REF, TREE_TYPE (field),
		 frame_ref (layout.hdr_field, frame), field, NULL_TREE);
}

/* Where the debugger finds frame-resident V.  */

tree
rewriter::debug_ref (tree v)
{
  return frame_ref (*layout.field_of->get (v), frame_parm);
}

tree
rewriter::mapped (tree v)
{
  tree *r = replacement.get (v);
  return r ? *r : v;
}

/* A new artificial parameter NAME of type TYPE for R (DECL), without
   debug information.  */

static tree
build_hidden_parm (tree decl, const char *name, tree type, tree fntype)
{
  tree parm = build_decl (DECL_SOURCE_LOCATION (decl), PARM_DECL,
			  get_identifier (name), type);
  DECL_ARTIFICIAL (parm) = 1;
  DECL_IGNORED_P (parm) = 1;
  DECL_ARG_TYPE (parm) = cpc_passed_type (fntype, type);
  DECL_CONTEXT (parm) = decl;
  TREE_USED (parm) = 1;
  return parm;
}

/* R: static, same name as F for the user (debuggers, backtraces), its own
   assembler name; parameters the frame and the state, and with
   DIRECT_ENTRY the parameters of F passed in registers.  */

void
rewriter::build_resume_decl ()
{
  tree frame_ptr = build_pointer_type (layout.type);
  direct_entry = optimize && !optimize_debug;
  tree rettype = TREE_TYPE (TREE_TYPE (fndecl));
  tree r_rettype = void_type_node;
  if (direct_entry && cpc_direct_result_p (rettype))
    r_rettype = rettype;

  tree type = cpc_resume_fn_type (frame_ptr, r_rettype, an.direct_parms);
  location_t loc = DECL_SOURCE_LOCATION (fndecl);
  tree decl = build_decl (loc, FUNCTION_DECL, DECL_NAME (fndecl), type);
  char asm_name[512];
  snprintf (asm_name, sizeof asm_name, "%s.resume",
	    IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl)));
  SET_DECL_ASSEMBLER_NAME (decl, get_identifier (asm_name));
  TREE_STATIC (decl) = 1;
  TREE_USED (decl) = 1;
  TREE_PUBLIC (decl) = 0;
  DECL_EXTERNAL (decl) = 0;
  DECL_CONTEXT (decl) = DECL_CONTEXT (fndecl);
  DECL_FUNCTION_SPECIFIC_OPTIMIZATION (decl)
    = DECL_FUNCTION_SPECIFIC_OPTIMIZATION (fndecl);
  DECL_FUNCTION_SPECIFIC_TARGET (decl) = DECL_FUNCTION_SPECIFIC_TARGET (fndecl);

  tree result = build_decl (loc, RESULT_DECL, NULL_TREE, r_rettype);
  DECL_ARTIFICIAL (result) = 1;
  DECL_IGNORED_P (result) = 1;
  DECL_CONTEXT (result) = decl;
  DECL_RESULT (decl) = result;

  tree parm = build_decl (loc, PARM_DECL, get_identifier ("__frame"),
			  frame_ptr);
  DECL_ARTIFICIAL (parm) = 1;
  DECL_ARG_TYPE (parm) = frame_ptr;
  DECL_CONTEXT (parm) = decl;
  TREE_USED (parm) = 1;
  TREE_READONLY (parm) = 1;
  DECL_ARGUMENTS (decl) = parm;
  state_parm = build_hidden_parm (decl, "__state", unsigned_type_node, type);
  DECL_CHAIN (parm) = state_parm;
  tree *tail = &DECL_CHAIN (state_parm);
  for (tree p : an.direct_parms)
    {
      /* The user's parameter itself, in R: the body uses it (it is
	 reloaded on resume paths when it is saved), and its debug
	 information is a parameter's (entry values included).  */
      tree arg = build_decl (DECL_SOURCE_LOCATION (p), PARM_DECL,
			     DECL_NAME (p), TREE_TYPE (p));
      DECL_ARG_TYPE (arg) = cpc_passed_type (type, TREE_TYPE (p));
      DECL_CONTEXT (arg) = decl;
      DECL_ARTIFICIAL (arg) = DECL_ARTIFICIAL (p);
      DECL_IGNORED_P (arg) = DECL_IGNORED_P (p);
      TREE_USED (arg) = 1;
      direct_arg.put (p, arg);
      *tail = arg;
      tail = &DECL_CHAIN (arg);
    }

  tree block = make_node (BLOCK);
  BLOCK_SUPERCONTEXT (block) = decl;
  DECL_INITIAL (decl) = block;

  push_struct_function (decl);
  init_tree_ssa (cfun);
  cfun->function_start_locus = fun->function_start_locus;
  cfun->function_end_locus = fun->function_end_locus;
  cfun->curr_properties = fun->curr_properties;
  cfun->calls_alloca = fun->calls_alloca;
  cfun->has_nonlocal_label = fun->has_nonlocal_label;
  cfun->has_forced_label_in_static = fun->has_forced_label_in_static;
  cfun->can_throw_non_call_exceptions = fun->can_throw_non_call_exceptions;
  cfun->can_delete_dead_exceptions = fun->can_delete_dead_exceptions;
  cfun->has_simduid_loops = fun->has_simduid_loops;
  cfun->has_force_vectorize_loops = fun->has_force_vectorize_loops;
  pop_cfun ();

  resume_decl = decl;
  frame_parm = parm;
}

/* At -O0 and -Og with debug information, R's formal parameters in the
   debug information are the user's (PARMS_AS_ARGUMENTS), and R gets the
   local "__frame" (FRAME_VAR), a stand-in for FRAME_PARM: the gdb
   extension finds the frame by that name.  A local rather than the
   parameter, because gdb lists every DW_TAG_formal_parameter among the
   arguments, and a VAR_DECL whose DECL_VALUE_EXPR is the parameter rather
   than a copy, because the parameter's location is known from R's first
   instruction on (where "break F" stops at -Og) and to the end
   (KEEP_FRAME_FOR_DEBUGGER).  Not at -O1 and up: see PARMS_AS_ARGUMENTS
   (there the DWARF of R is as before, "__frame" its only parameter).  */

void
rewriter::build_frame_var ()
{
  parms_as_arguments = (debug_info_level > DINFO_LEVEL_TERSE
			&& (!optimize || optimize_debug)
			&& !flag_generate_lto && !flag_generate_offload);
  if (!parms_as_arguments)
    return;
  frame_var = build_decl (DECL_SOURCE_LOCATION (fndecl), VAR_DECL,
			  DECL_NAME (frame_parm), TREE_TYPE (frame_parm));
  DECL_ARTIFICIAL (frame_var) = 1;
  DECL_CONTEXT (frame_var) = resume_decl;
  SET_DECL_VALUE_EXPR (frame_var, frame_parm);
  DECL_HAS_VALUE_EXPR_P (frame_var) = 1;
  DECL_IGNORED_P (frame_parm) = 1;
  /* An inlined copy of R would show the parameters as optimized out.  */
  if (optimize_debug)
    DECL_UNINLINABLE (resume_decl) = 1;
}

/* Decide what every saved variable becomes.  */

void
rewriter::plan_replacements ()
{
  for (tree v : an.saved)
    {
      tree field = *layout.field_of->get (v);
      if (an.resident.contains (v))
	{
	  frame_resident.add (v);
	  replacement.put (v, frame_ref (field, frame_parm));
	  continue;
	}
      tree reg = v;
      if (TREE_CODE (v) == SSA_NAME)
	{
	  reg = create_tmp_var (TREE_TYPE (v), "cpc");
	  replacement.put (v, reg);
	}
      else if (tree *arg = direct_arg.get (v))
	{
	  reg = *arg;
	  replacement.put (v, reg);
	}
      else if (TREE_CODE (v) == PARM_DECL)
	{
	  reg = copy_var_decl (v, DECL_NAME (v), TREE_TYPE (v));
	  DECL_CONTEXT (reg) = fndecl;
	  add_local_decl (fun, reg);
	  replacement.put (v, reg);
	}
      spill_slot.put (reg, field);
    }
  /* Parameters passed in registers and dead at every suspension point
     are not saved: a variable of R takes their value on a fresh start.
     Every other parameter is saved (cpc_compute_saved), so nothing else
     reads a PARM_DECL.  The result lives in the frame.  */
  for (tree p : an.direct_parms)
    if (!replacement.get (p))
      replacement.put (p, *direct_arg.get (p));
  if (layout.retval_field)
    replacement.put (DECL_RESULT (fndecl),
		     frame_ref (layout.retval_field, frame_parm));
}

struct replace_data
{
  rewriter *rw;
  hash_map<tree, tree> *map;
  bool changed;
  bool addr_changed;
  /* Loads to emit before the statement: a pointer that now lives in the
     frame must be in a register to be dereferenced.  */
  gimple_seq loads;
  location_t loc;		/* Of the statement being rewritten.  */
};

/* Replace the mentions of saved variables in *TP.  OBJECT: *TP is where
   a memory reference is welcome (a whole operand, the object of a
   component or of an address).  Elsewhere (an index, a dereferenced
   pointer) a register value is needed: load it first.  */

static void
replace_in_tree (tree *tp, bool object, replace_data *rd)
{
  tree t = *tp;
  if (!t || TYPE_P (t))
    return;
  if (tree *r = rd->map->get (t))
    {
      if (object || !is_gimple_reg_type (TREE_TYPE (t)))
	{
	  *tp = unshare_expr (*r);
	  if (EXPR_P (*tp))
	    SET_EXPR_LOCATION (*tp, rd->loc);
	}
      else
	{
	  tree tmp = create_tmp_reg (TREE_TYPE (t), "cpc_val");
	  gimple_seq_add_stmt (&rd->loads,
			       gimple_build_assign (tmp, unshare_expr (*r)));
	  *tp = tmp;
	}
      rd->changed = true;
      return;
    }
  if (TREE_CODE (t) == ADDR_EXPR)
    {
      bool before = rd->changed;
      rd->changed = false;
      replace_in_tree (&TREE_OPERAND (t, 0), true, rd);
      if (rd->changed)
	{
	  recompute_tree_invariant_for_addr_expr (t);
	  rd->addr_changed = true;
	}
      rd->changed |= before;
      return;
    }
  if (!EXPR_P (t) && TREE_CODE (t) != TREE_LIST)
    return;
  if (TREE_CODE (t) == TREE_LIST)
    {
      replace_in_tree (&TREE_VALUE (t), object, rd);
      replace_in_tree (&TREE_CHAIN (t), object, rd);
      return;
    }
  bool object_operand = handled_component_p (t);
  for (int i = 0; i < TREE_OPERAND_LENGTH (t); i++)
    replace_in_tree (&TREE_OPERAND (t, i), object_operand && i == 0, rd);
}

/* Make STMT valid GIMPLE again after memory references replaced
   variables: a computed value cannot be stored straight to memory, and an
   address that is no longer invariant must be computed first.  */

void
rewriter::fix_stmt (gimple_stmt_iterator *gsi, gimple *stmt)
{
  tree lhs = gimple_get_lhs (stmt);
  bool need_tmp = false;
  if (lhs && TREE_CODE (lhs) != SSA_NAME && !is_gimple_reg (lhs)
      && is_gimple_call (stmt) && stmt_can_throw_internal (fun, stmt))
    /* A call that may throw cannot store to memory: the store would sit
       after the block's last statement.  */
    need_tmp = true;
  else if (lhs && TREE_CODE (lhs) != SSA_NAME && !is_gimple_reg (lhs)
	   && is_gimple_reg_type (TREE_TYPE (lhs)) && !gimple_clobber_p (stmt))
    {
      if (is_gimple_call (stmt))
	need_tmp = true;
      else if (is_gimple_assign (stmt))
	{
	  tree rhs1 = gimple_assign_rhs1 (stmt);
	  need_tmp = (get_gimple_rhs_class (gimple_assign_rhs_code (stmt))
		      != GIMPLE_SINGLE_RHS
		      || (!is_gimple_val (rhs1)
			  && TREE_CODE (rhs1) != CONSTRUCTOR));
	}
    }
  if (need_tmp)
    {
      /* mem = a + b, mem = mem, mem = f ()  ->  t = ...; mem = t.  */
      tree tmp = (is_gimple_reg_type (TREE_TYPE (lhs))
		  ? create_tmp_reg (TREE_TYPE (lhs), "cpc")
		  : create_tmp_var (TREE_TYPE (lhs), "cpc"));
      gimple_set_lhs (stmt, tmp);
      gimple *store = gimple_build_assign (lhs, tmp);
      gimple_set_location (store, gimple_location (stmt));
      gimple_set_block (store, gimple_block (stmt));
      if (stmt_ends_bb_p (stmt))
	{
	  edge e = find_fallthru_edge (gimple_bb (stmt)->succs);
	  gcc_assert (e);
	  gsi_insert_on_edge_immediate (e, store);
	}
      else
	gsi_insert_after (gsi, store, GSI_SAME_STMT);
    }
  /* Regimplify the operands only: for a call that may throw, GCC would
     give even a register-free aggregate result a temporary and store it
     after the call, in the middle of the block.  */
  tree call_lhs = is_gimple_call (stmt) ? gimple_call_lhs (stmt) : NULL_TREE;
  if (call_lhs)
    gimple_call_set_lhs (as_a<gcall *> (stmt), NULL_TREE);
  /* The loads regimplification adds belong to STMT's line.  */
  location_t saved_input_location = input_location;
  input_location = gimple_location (stmt);
  push_gimplify_context (true);
  gimple_regimplify_operands (stmt, gsi);
  pop_gimplify_context (NULL);
  input_location = saved_input_location;
  if (call_lhs)
    gimple_call_set_lhs (as_a<gcall *> (stmt), call_lhs);
  update_stmt (stmt);
}

bool
rewriter::asan_mark_of_resident_p (gimple *stmt)
{
  if (!gimple_call_internal_p (stmt, IFN_ASAN_MARK))
    return false;
  tree addr = gimple_call_arg (stmt, 1);
  if (TREE_CODE (addr) != ADDR_EXPR)
    return false;
  tree base = get_base_address (TREE_OPERAND (addr, 0));
  return base && frame_resident.contains (base);
}

void
rewriter::replace_in_body ()
{
  auto_vec<gimple *> clobbers;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	if (is_gimple_debug (stmt))
	  continue;
	if ((gimple_clobber_p (stmt)
	     && frame_resident.contains (gimple_assign_lhs (stmt)))
	    || asan_mark_of_resident_p (stmt))
	  {
	    /* The frame slot outlives the scope; a clobber of it would
	       also let the optimizers drop stores the resume path needs.
	       AddressSanitizer's scope poisoning would outlive the frame
	       (the arena reuses the memory for other frames).  */
	    clobbers.safe_push (stmt);
	    continue;
	  }
	replace_data rd = { this, &replacement, false, false, NULL,
			    gimple_location (stmt) };
	if (gasm *as = dyn_cast<gasm *> (stmt))
	  {
	    /* Outputs are stores: never through a loaded copy.  */
	    for (unsigned i = 0; i < gimple_asm_noutputs (as); i++)
	      replace_in_tree (&TREE_VALUE (gimple_asm_output_op (as, i)),
			       true, &rd);
	    for (unsigned i = 0; i < gimple_asm_ninputs (as); i++)
	      replace_in_tree (&TREE_VALUE (gimple_asm_input_op (as, i)),
			       true, &rd);
	  }
	else
	  for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
	    replace_in_tree (gimple_op_ptr (stmt, i), true, &rd);
	if (rd.loads)
	  {
	    for (gimple_stmt_iterator l = gsi_start (rd.loads); !gsi_end_p (l);
		 gsi_next (&l))
	      {
		gimple_set_location (gsi_stmt (l), gimple_location (stmt));
		gimple_set_block (gsi_stmt (l), gimple_block (stmt));
	      }
	    gsi_insert_seq_before (&gsi, rd.loads, GSI_SAME_STMT);
	  }
	if (rd.changed)
	  fix_stmt (&gsi, stmt);
      }
  for (gimple *stmt : clobbers)
    {
      gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
      gsi_remove (&gsi, true);
    }
}

/* Every return becomes a store of the result and a jump to one exit
   block: R returns nothing, the value travels in the frame.  */

void
rewriter::make_single_exit ()
{
  exit_bb = create_empty_bb (EXIT_BLOCK_PTR_FOR_FN (fun)->prev_bb);
  add_bb_to_loop (exit_bb, current_loops->tree_root);
  /* With DIRECT_RESULT, the returns go to FINISH first, which stores the
     result in the frame if this run was a resume (STORE).  */
  basic_block finish = exit_bb;
  if (!VOID_TYPE_P (TREE_TYPE (DECL_RESULT (resume_decl))))
    {
      direct_result = create_tmp_var (TREE_TYPE (DECL_RESULT (resume_decl)),
				      "cpc_rv");
      finish = create_empty_bb (exit_bb->prev_bb);
      add_bb_to_loop (finish, current_loops->tree_root);
      basic_block store = create_empty_bb (finish);
      add_bb_to_loop (store, current_loops->tree_root);
      gimple_stmt_iterator gsi = gsi_start_bb (finish);
      gsi_insert_after (&gsi, gimple_build_cond (NE_EXPR, state_parm,
						 build_zero_cst
						   (TREE_TYPE (state_parm)),
						 NULL_TREE, NULL_TREE),
			GSI_NEW_STMT);
      gsi = gsi_start_bb (store);
      gsi_insert_after (&gsi, gimple_build_assign (frame_ref
						   (layout.retval_field,
						    frame_parm),
						   direct_result),
			GSI_NEW_STMT);
      edge e = make_edge (finish, store, EDGE_TRUE_VALUE);
      e->probability = profile_probability::even ();
      e = make_edge (finish, exit_bb, EDGE_FALSE_VALUE);
      e->probability = profile_probability::even ();
      make_single_succ_edge (store, exit_bb, EDGE_FALLTHRU);
    }
  auto_vec<edge> returns;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, EXIT_BLOCK_PTR_FOR_FN (fun)->preds)
    returns.safe_push (e);
  for (edge r : returns)
    {
      basic_block bb = r->src;
      gimple_stmt_iterator gsi = gsi_last_bb (bb);
      greturn *ret = gsi_end_p (gsi) ? NULL : dyn_cast<greturn *> (gsi_stmt (gsi));
      if (ret)
	{
	  tree val = gimple_return_retval (ret);
	  if (direct_result)
	    {
	      if (val)
		{
		  gimple *set = gimple_build_assign (direct_result, val);
		  gimple_set_location (set, gimple_location (ret));
		  gimple_set_block (set, gimple_block (ret));
		  gsi_insert_before (&gsi, set, GSI_SAME_STMT);
		}
	    }
	  else if (val && layout.retval_field
	      && !(TREE_CODE (val) == COMPONENT_REF
		   && TREE_OPERAND (val, 1) == layout.retval_field))
	    {
	      gimple *store
		= gimple_build_assign (frame_ref (layout.retval_field,
						  frame_parm), val);
	      gimple_set_location (store, gimple_location (ret));
	      gimple_set_block (store, gimple_block (ret));
	      gsi_insert_before (&gsi, store, GSI_SAME_STMT);
	    }
	  gsi_remove (&gsi, true);
	}
      redirect_edge_succ (r, finish);
      r->flags |= EDGE_FALLTHRU;
    }
  gimple_stmt_iterator gsi = gsi_start_bb (exit_bb);
  if (keep_frame_for_debugger)
    {
      vec<tree, va_gc> *inputs = NULL;
      tree constraint = build_string (2, "g");
      vec_safe_push (inputs, build_tree_list (build_tree_list (NULL_TREE,
							       constraint),
					       frame_parm));
      gasm *use = gimple_build_asm_vec ("", inputs, NULL, NULL, NULL);
      gimple_asm_set_volatile (use, true);
      gsi_insert_after (&gsi, use, GSI_NEW_STMT);
    }
  greturn *ret = gimple_build_return (direct_result);
  gimple_set_location (ret, fun->function_end_locus);
  gsi_insert_after (&gsi, ret, GSI_NEW_STMT);
  make_edge (exit_bb, EXIT_BLOCK_PTR_FOR_FN (fun), 0);
}

static void
add_stmt (gimple_seq *seq, gimple *stmt, location_t loc, tree block)
{
  gimple_set_location (stmt, loc);
  gimple_set_block (stmt, block);
  gimple_seq_add_stmt (seq, stmt);
}

/* After a reload of user variable VAR: a debug bind, so that when the
   optimizers drop a reload nobody reads (the variable is dead), the
   debugger still learns its value from the frame.  */

static void
add_debug_bind (gimple_seq *seq, tree var, tree value, location_t loc,
		tree block)
{
  if (!MAY_HAVE_DEBUG_BIND_STMTS || !VAR_P (var) || DECL_IGNORED_P (var)
      || !DECL_NAME (var))
    return;
  add_stmt (seq, gimple_build_debug_bind (var, value, NULL), loc, block);
}

/* Suspension point P: record the state and spill before the call, test
   for suspension after it, and build the block the dispatch enters when
   resuming there.  */

void
rewriter::lower_point (cpc_suspend_point &p, vec<basic_block> &resume_bbs)
{
  gcall *call = p.call;
  location_t loc = p.loc;
  tree block = gimple_block (call);

  /* Before: state, spills.  When optimizing, a call's spills (and the
     state, read only by the resume) go on its suspending path instead,
     after it returned: the values are still there (the call defines none
     of them, and the registers are the caller's), and a call that does
     not suspend, the common case, then stores nothing.  Not at -O0 and
     -Og, where the debugger's "cpc bt -full" reads a running caller's
     saved variables from its frame.  */
  bool lazy_spill = optimize && !optimize_debug && !p.is_cpc_suspend;
  gimple_seq before = NULL;
  tree state = build_int_cst (unsigned_type_node, p.index);
  gimple *state_store = gimple_build_assign (header_ref ("state", frame_parm),
					     state);
  add_stmt (&before, state_store, loc, block);
  /* The state store is a spill of the constant: one that stores the
     state the frame already has can go too.  */
  HOST_WIDE_INT state_off = 0, state_size = 0;
  bool track_state = state_bytes (&state_off, &state_size);
  if (track_state)
    record_bytes_access (state_store, state, state_off, state_size, true,
			 true);
  for (tree v : p.live)
    {
      tree reg = mapped (v);
      if (tree *slot = spill_slot.get (reg))
	{
	  /* A volatile store: the vectorizer would merge neighbouring
	     spills into one vector store, a new statement without the
	     warning suppression below (spills only run on the suspending
	     path, where one store more or less does not matter).  */
	  tree ref = frame_ref (*slot, frame_parm);
	  TREE_THIS_VOLATILE (ref) = TREE_SIDE_EFFECTS (ref) = 1;
	  gimple *spill = gimple_build_assign (ref, reg);
	  record_access (spill, reg, *slot, true);
	  /* A variable may be live here only along paths the user's code
	     never takes: the spill must not make -Wmaybe-uninitialized
	     report a read the program does not do.  */
	  suppress_warning (spill, OPT_Wuninitialized);
	  suppress_warning (spill, OPT_Wmaybe_uninitialized);
	  add_stmt (&before, spill, loc, block);
	}
    }
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  if (!lazy_spill)
    gsi_insert_seq_before (&gsi, before, GSI_SAME_STMT);

  /* The call's result goes through a temporary assigned on both paths.  */
  tree lhs = gimple_call_lhs (call);
  tree tmp = NULL_TREE;
  tree rettype = TREE_TYPE (gimple_call_fntype (call));
  if (lhs)
    {
      tmp = create_tmp_var (TREE_TYPE (lhs), "cpc_result");
      gimple_call_set_lhs (call, tmp);
    }
  gimple *last = call;
  if (p.is_cpc_suspend)
    {
      gimple_seq expand = NULL;
      cpc_build_suspend (&expand, { loc, block });
      last = gimple_seq_last_stmt (expand);
      /* The user's call could throw (-fexceptions); the expansion cannot:
	 drop the call and its EH edge.  */
      basic_block call_bb = gimple_bb (call);
      gsi_insert_seq_before (&gsi, expand, GSI_SAME_STMT);
      gsi_remove (&gsi, true);
      gimple_purge_dead_eh_edges (call_bb);
    }
  else
    update_stmt (call);

  /* After: make the call (or the expansion) end its block, then CHECK on
     the normal edge.  */
  basic_block bb = gimple_bb (last);
  if (!stmt_ends_bb_p (last) && last != last_stmt (bb))
    split_block (bb, last);
  edge fall = find_fallthru_edge (bb->succs);
  if (!fall)
    fall = single_succ_p (bb) ? single_succ_edge (bb) : NULL;
  gcc_assert (fall);
  basic_block check = split_edge (fall);
  basic_block join = split_edge (single_succ_edge (check));

  /* The block the suspending path leaves R from.  */
  basic_block suspend = check;
  if (p.is_cpc_suspend)
    /* cpc_suspend always suspends: straight to the exit, no test.  JOIN
       is then reached from the resume path only.  */
    redirect_edge_succ (single_succ_edge (check), exit_bb);
  else
    {
      tree susp = create_tmp_var (integer_type_node, "cpc_susp");
      gimple_seq cseq = NULL;
      cpc_build_suspending_test (&cseq, susp, { loc, block }, true);
      add_stmt (&cseq, gimple_build_cond (NE_EXPR, susp, integer_zero_node,
					  NULL_TREE, NULL_TREE), loc, block);
      gsi = gsi_start_bb (check);
      gsi_insert_seq_after (&gsi, cseq, GSI_NEW_STMT);
      edge to_join = single_succ_edge (check);
      to_join->flags &= ~EDGE_FALLTHRU;
      to_join->flags |= EDGE_FALSE_VALUE;
      to_join->probability = profile_probability::very_likely ();
      edge to_exit = make_edge (check, exit_bb, EDGE_TRUE_VALUE);
      to_exit->probability = profile_probability::very_unlikely ();
      if (lazy_spill && before)
	{
	  gsi_insert_seq_on_edge_immediate (to_exit, before);
	  suspend = gimple_bb (state_store);
	}
    }

  gimple_seq join_binds = NULL;

  /* Join: the original result assignment.  */
  if (lhs)
    {
      gsi = gsi_start_bb (join);
      gimple *assign = gimple_build_assign (lhs, tmp);
      gimple_set_location (assign, loc);
      gimple_set_block (assign, block);
      gsi_insert_after (&gsi, assign, GSI_NEW_STMT);
      fix_stmt (&gsi, assign);
    }

  /* Resume path: reload, take the finished callee's frame and result.  */
  /* The resume path belongs to the suspension point's line and scope (it
     is laid out after the body, so a debugger never takes it for the
     start of the user's body).  */
  location_t rloc = loc;
  basic_block res = create_empty_bb (exit_bb->prev_bb);
  add_bb_to_loop (res, current_loops->tree_root);
  gimple_seq rseq = NULL;
  for (tree v : p.live)
    {
      tree reg = mapped (v);
      if (tree *slot = spill_slot.get (reg))
	{
	  gimple *reload = gimple_build_assign (reg,
						frame_ref (*slot, frame_parm));
	  record_access (reload, reg, *slot, false);
	  add_stmt (&rseq, reload, rloc, block);
	  /* Where both paths meet, the value is in the slot either way: a
	     debugger finds it there even if the variable is dead and the
	     optimizers dropped the reload.  */
	  add_debug_bind (&join_binds, reg, frame_ref (*slot, frame_parm),
			  rloc, block);
	}
    }
  for (tree v : p.stack_saves)
    {
      gcall *save = gimple_build_call (builtin_decl_explicit
				       (BUILT_IN_STACK_SAVE), 0);
      gimple_call_set_lhs (save, mapped (v));
      add_stmt (&rseq, save, rloc, block);
    }
  tree done = NULL_TREE;
  if (!p.is_cpc_suspend)
    {
      done = create_tmp_var (ptr_type_node, "cpc_done");
      cpc_build_take_done (&rseq, done, { rloc, block });
      if (tmp && !VOID_TYPE_P (rettype))
	{
	  tree view = cpc_retval_view_type (rettype);
	  tree vptr = create_tmp_var (build_pointer_type (view), "cpc_view");
	  add_stmt (&rseq, gimple_build_assign (vptr, fold_convert
						(TREE_TYPE (vptr), done)),
		    rloc, block);
	  tree rfield = DECL_CHAIN (TYPE_FIELDS (view));
	  tree ref = build3 (COMPONENT_REF, rettype,
			     build_simple_mem_ref (vptr), rfield, NULL_TREE);
	  if (is_gimple_reg_type (rettype))
	    add_stmt (&rseq, gimple_build_assign (tmp, ref), rloc, block);
	  else
	    add_stmt (&rseq, gimple_build_assign (tmp, ref), rloc, block);
	}
    }
  gsi = gsi_start_bb (res);
  if (rseq)
    gsi_insert_seq_after (&gsi, rseq, GSI_NEW_STMT);
  make_single_succ_edge (res, join, EDGE_FALLTHRU);
  if (done)
    cpc_build_frame_free (res, done, { rloc, block },
			  free_callee_frames_out_of_line);
  if (join_binds)
    {
      gsi = gsi_last_bb (join);
      if (gsi_end_p (gsi))
	gsi_insert_seq_after (&gsi, join_binds, GSI_NEW_STMT);
      else
	gsi_insert_seq_after (&gsi, join_binds, GSI_CONTINUE_LINKING);
    }
  resume_bbs[p.index - 1] = res;
  if (track_state)
    resume_points.safe_push ({ res, suspend, state, state_off, state_size });
}

/* The entry of R: load the register parameters on a fresh start, or jump
   to the resume block of the saved state.  */

/* Set body_start_loc, following F's straight-line start from its entry
   (before the body is lowered).  */

void
rewriter::find_body_start ()
{
  body_start_loc = UNKNOWN_LOCATION;
  edge entry = single_succ_edge (ENTRY_BLOCK_PTR_FOR_FN (fun));
  for (basic_block bb = entry->dest; bb;
       bb = single_succ_p (bb) ? single_succ (bb) : NULL)
    {
      if (bb == EXIT_BLOCK_PTR_FOR_FN (fun))
	break;
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	if (!is_gimple_debug (gsi_stmt (gsi))
	    && gimple_location (gsi_stmt (gsi)) != UNKNOWN_LOCATION)
	  {
	    body_start_loc = gimple_location (gsi_stmt (gsi));
	    return;
	  }
      if (bb == exit_bb)
	break;
    }
}

void
rewriter::build_dispatch (vec<basic_block> &resume_bbs)
{
  /* Without optimization the dispatch has no line of its own: a
     debugger's prologue analysis then puts "break F" on the first line of
     the user's body.  At -Og gdb skips no prologue and R may be inlined
     into the ramp, so "break F" stops on R's first instruction: give it,
     and the dispatch, the body's first line.  (-O2 is left alone: there
     debugging is best effort.)  */
  edge entry = single_succ_edge (ENTRY_BLOCK_PTR_FOR_FN (fun));
  location_t loc = optimize_debug ? LOCATION_LOCUS (body_start_loc)
		   : UNKNOWN_LOCATION;
  /* Optimized code gets no prologue skipping in gdb: its first
     instruction's line is where "break F" stops.  */
  if (loc != UNKNOWN_LOCATION)
    DECL_STRUCT_FUNCTION (resume_decl)->function_start_locus = loc;
  basic_block start = split_edge (entry);
  start_bb = start;
  gimple_seq loads = NULL;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    {
      tree reg = mapped (p);
      if (direct_arg.get (p))
	/* R's own parameter: nothing to load.  */
	continue;
      if (tree *slot = spill_slot.get (reg))
	{
	  gimple *load = gimple_build_assign (reg,
					      frame_ref (*slot, frame_parm));
	  record_access (load, reg, *slot, false);
	  add_stmt (&loads, load, loc, top_block);
	  add_debug_bind (&loads, reg, reg, loc, top_block);
	}
    }
  if (loads)
    {
      gimple_stmt_iterator gsi = gsi_start_bb (start);
      gsi_insert_seq_after (&gsi, loads, GSI_NEW_STMT);
    }

  basic_block dispatch = split_edge (single_pred_edge (start));
  tree state = state_parm;
  gimple_seq seq = NULL;
  /* What R returns when it suspends (the value is never looked at; but
     it must not be read uninitialized).  */
  if (direct_result)
    add_stmt (&seq, gimple_build_assign (direct_result, build_zero_cst
					 (TREE_TYPE (direct_result))),
	      loc, top_block);
  auto_vec<tree> labels;
  for (unsigned i = 0; i < resume_bbs.length (); i++)
    {
      tree label = gimple_block_label (resume_bbs[i]);
      labels.safe_push (build_case_label (build_int_cst (unsigned_type_node,
							 i + 1),
					  NULL_TREE, label));
      /* Every state is as likely as the fresh start: a coroutine that
	 suspends is resumed at least as often as it is started.  Left
	 uninitialized, these edges came out "never taken" from profile
	 estimation, which then moved every resume path into the cold
	 partition (F.resume.cold: a far jump per resume, and gdb lost the
	 lines there).  */
      edge e = make_edge (dispatch, resume_bbs[i], 0);
      e->probability
	= profile_probability::guessed_always ().apply_scale
	    (1, resume_bbs.length () + 1);
    }
  basic_block deflt_bb = start;
  if (direct_entry)
    {
      /* R is only ever called with 0 or the state of one of its points
	 (docs/ABI.md), and saying so lets GCC know the state on each
	 path: FINISH's test (a resumed run stores its result) then folds
	 on the fresh start's paths, so the state is not kept in a saved
	 register across their calls.  Nested coroutine calls: 90.5 ->
	 86.5 instructions and 11% less time per level (docs/BENCHMARKS.md).
	 Without optimization the default stays the fresh start.  */
      labels.safe_insert (0, build_case_label (build_int_cst
						 (unsigned_type_node, 0),
					       NULL_TREE,
					       gimple_block_label (start)));
      basic_block never = create_empty_bb (dispatch);
      add_bb_to_loop (never, current_loops->tree_root);
      gimple_stmt_iterator ngsi = gsi_start_bb (never);
      gsi_insert_after (&ngsi,
			gimple_build_call (builtin_decl_explicit
					   (BUILT_IN_UNREACHABLE), 0),
			GSI_NEW_STMT);
      make_edge (dispatch, never, 0)->probability
	= profile_probability::never ();
      deflt_bb = never;
    }
  tree deflt = build_case_label (NULL_TREE, NULL_TREE,
				 gimple_block_label (deflt_bb));
  add_stmt (&seq, gimple_build_switch (state, deflt, labels), loc, top_block);
  gimple_stmt_iterator gsi = gsi_start_bb (dispatch);
  gsi_insert_seq_after (&gsi, seq, GSI_NEW_STMT);
  single_succ_edge (dispatch)->flags &= ~EDGE_FALLTHRU;
  find_edge (dispatch, start)->probability
    = profile_probability::guessed_always ().apply_scale
	(1, resume_bbs.length () + 1);
  /* gimple_block_label may have put the label after the dispatch code
     when START was empty; labels must come first in R's blocks, which
     gimple_block_label guarantees for START itself.  */
}

/* Debug scope: F's outermost variables, the parameters' replacements and
   shadows of frame-resident parameters go into one BLOCK that moves to R
   with the body, so the debugger sees them under their names.  */

void
rewriter::build_scope ()
{
  tree outer = DECL_INITIAL (fndecl);
  top_block = make_node (BLOCK);
  /* When R may be inlined (into the ramp, at -O1 and up), its abstract
     instance needs a DIE for this scope: else the inlined copy's scope
     names the out-of-line copy's as its origin, and gdb takes every
     line of R for one of the ramp's (a breakpoint on a resume path's
     line went to the ramp's entry).  Not at -O0 and -Og, where the
     scope's DIE would give the body's first line a second location.  */
  TREE_USED (top_block) = direct_entry;
  BLOCK_VARS (top_block) = BLOCK_VARS (outer);
  BLOCK_VARS (outer) = NULL_TREE;
  BLOCK_SUBBLOCKS (top_block) = BLOCK_SUBBLOCKS (outer);
  for (tree b = BLOCK_SUBBLOCKS (top_block); b; b = BLOCK_CHAIN (b))
    BLOCK_SUPERCONTEXT (b) = top_block;
  BLOCK_SUBBLOCKS (outer) = top_block;
  BLOCK_SUPERCONTEXT (top_block) = outer;

  /* With PARMS_AS_ARGUMENTS, the parameters come first in TOP_BLOCK, in
     their order, all as stand-ins whose DECL_VALUE_EXPR says where the
     value is (the frame, or the register variable that replaced the
     parameter): show_parameters turns them into R's formal parameters
     once the move to R has remapped their DECL_VALUE_EXPRs.  */
  tree shown_parms = NULL_TREE;
  tree *tail = &shown_parms;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    {
      tree shown;
      if (direct_arg.get (p))
	/* One of R's parameters, described as such.  */
	continue;
      if (frame_resident.contains (p) || parms_as_arguments)
	{
	  shown = copy_var_decl (p, DECL_NAME (p), TREE_TYPE (p));
	  DECL_CONTEXT (shown) = fndecl;
	  SET_DECL_VALUE_EXPR (shown, frame_resident.contains (p)
			       ? debug_ref (p) : mapped (p));
	  DECL_HAS_VALUE_EXPR_P (shown) = 1;
	}
      else
	shown = mapped (p);
      *tail = shown;
      tail = &DECL_CHAIN (shown);
    }
  *tail = BLOCK_VARS (top_block);
  BLOCK_VARS (top_block) = shown_parms;

  /* Frame-resident locals: the debugger finds them through the frame.  */
  for (tree v : an.saved)
    if (VAR_P (v) && frame_resident.contains (v))
      {
	SET_DECL_VALUE_EXPR (v, debug_ref (v));
	DECL_HAS_VALUE_EXPR_P (v) = 1;
      }

  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      if (gimple_block (gsi_stmt (gsi)) == outer)
	gimple_set_block (gsi_stmt (gsi), top_block);
}

/* With PARMS_AS_ARGUMENTS, after the move to R: the stand-ins of the
   user's parameters at the head of TOP_BLOCK become PARM_DECLs of R's
   outermost BLOCK, where dwarf2out emits them as DW_TAG_formal_parameters
   of R, followed by FRAME_VAR.
   gdb lists a function's arguments from those DIEs.  Nothing in the IL
   refers to these PARM_DECLs: only their DECL_VALUE_EXPRs matter.  */

void
rewriter::show_parameters ()
{
  if (!frame_var)
    return;
  tree outer = DECL_INITIAL (resume_decl);
  tree *tail = &BLOCK_VARS (outer);
  while (*tail)
    tail = &DECL_CHAIN (*tail);
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    {
      tree shown = BLOCK_VARS (top_block);
      gcc_assert (shown && VAR_P (shown) && DECL_NAME (shown) == DECL_NAME (p)
		  && DECL_HAS_VALUE_EXPR_P (shown));
      BLOCK_VARS (top_block) = DECL_CHAIN (shown);
      tree parm = build_decl (DECL_SOURCE_LOCATION (p), PARM_DECL,
			      DECL_NAME (p), TREE_TYPE (p));
      DECL_ARG_TYPE (parm) = DECL_ARG_TYPE (p);
      DECL_CONTEXT (parm) = resume_decl;
      TREE_READONLY (parm) = TREE_READONLY (p);
      TREE_THIS_VOLATILE (parm) = TREE_THIS_VOLATILE (p);
      SET_DECL_VALUE_EXPR (parm, DECL_VALUE_EXPR (shown));
      DECL_HAS_VALUE_EXPR_P (parm) = 1;
      *tail = parm;
      tail = &DECL_CHAIN (parm);
    }
  *tail = frame_var;
}

/* The ramp, in the block that replaced F's body.  */

void
rewriter::build_ramp (basic_block bb)
{
  /* The ramp's code carries the line of the body's first statement, not
     the function's header: gdb ends the prologue of a function it steps
     into where the line first changes, and with every instruction on the
     header's line that is the ramp's return, after the whole body ran
     ("step" into a coroutine call became "next" on aarch64 and s390x).
     gdb now stops once in the ramp, on the body's first line; the gdb
     extension's stop hook steps on from there into the body (gdb 13 has
     no DW_AT_trampoline support).  */
  location_t loc = body_start_loc != UNKNOWN_LOCATION
		   /* Without the body's BLOCK, which is R's now.  */
		   ? LOCATION_LOCUS (body_start_loc)
		   : DECL_SOURCE_LOCATION (fndecl);
  tree outer = DECL_INITIAL (fndecl);
  gimple_seq seq = NULL;
  tree frame_ptr_type = TREE_TYPE (frame_parm);
  tree raw = create_tmp_var (ptr_type_node, "cpc_raw");
  tree fr = create_tmp_var (frame_ptr_type, "cpc_frame");
  bb = cpc_build_frame_alloc (bb, raw,
			      tree_to_uhwi (TYPE_SIZE_UNIT (layout.type)),
			      { loc, outer });
  add_stmt (&seq, gimple_build_assign (fr, fold_convert (frame_ptr_type, raw)),
	    loc, outer);
  auto_vec<tree> args;
  args.safe_push (fr);
  args.safe_push (build_int_cst (unsigned_type_node, 0));
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    {
      if (direct_arg.get (p))
	{
	  args.safe_push (p);
	  continue;
	}
      tree *field = layout.field_of->get (p);
      gcc_assert (field);
      tree val = p;
      if (is_gimple_reg_type (TREE_TYPE (p)) && !is_gimple_reg (p))
	{
	  /* An address-taken parameter is memory: load it first.  */
	  val = create_tmp_reg (TREE_TYPE (p), "cpc_arg");
	  add_stmt (&seq, gimple_build_assign (val, p), loc, outer);
	}
      add_stmt (&seq, gimple_build_assign (frame_ref (*field, fr), val),
		loc, outer);
    }
  /* Without DIRECT_ENTRY, R reads the state from its argument too, but
     the debugger finds a frame's state in its header.  */
  if (!direct_entry)
    add_stmt (&seq, gimple_build_assign (header_ref ("state", fr),
					 build_int_cst (unsigned_type_node, 0)),
	      loc, outer);
  gcall *enter = gimple_build_call_vec (resume_decl, args);
  add_stmt (&seq, enter, loc, outer);

  tree rettype = TREE_TYPE (TREE_TYPE (fndecl));
  /* The result is read only when the body finished: after a suspension
     the slot holds nothing yet (reading it as _Bool or an enum would be
     undefined, and -fsanitize=bool says so).  */
  tree ret = NULL_TREE;
  gimple_seq read_result = NULL, no_result = NULL;
  if (!VOID_TYPE_P (rettype))
    {
      bool reg = is_gimple_reg_type (rettype);
      ret = reg ? create_tmp_reg (rettype, "cpc_ret") : DECL_RESULT (fndecl);
      if (direct_result)
	gimple_call_set_lhs (enter, ret);
      else
	add_stmt (&read_result,
		  gimple_build_assign (ret, frame_ref (layout.retval_field,
						       fr)),
		  loc, outer);
      if (reg)
	add_stmt (&no_result,
		  gimple_build_assign (ret, build_zero_cst (rettype)), loc,
		  outer);
    }
  tree susp = create_tmp_var (integer_type_node, "cpc_susp");
  cpc_build_suspending_test (&seq, susp, { loc, outer }, false);
  add_stmt (&seq, gimple_build_cond (NE_EXPR, susp, integer_zero_node,
				     NULL_TREE, NULL_TREE), loc, outer);
  gimple_stmt_iterator gsi = gsi_start_bb (bb);
  gsi_insert_seq_after (&gsi, seq, GSI_NEW_STMT);

  /* bb -> EXIT becomes bb -> {link | free} -> out -> EXIT.  */
  edge e = single_succ_edge (bb);
  basic_block out = split_edge (e);
  edge to_out = single_succ_edge (bb);
  basic_block free_bb = split_edge (to_out);
  basic_block link_bb = create_empty_bb (bb);
  add_bb_to_loop (link_bb, bb->loop_father);
  edge ef = single_succ_edge (bb);
  ef->flags = EDGE_FALSE_VALUE;
  ef->probability = profile_probability::very_likely ();
  edge et = make_edge (bb, link_bb, EDGE_TRUE_VALUE);
  et->probability = profile_probability::very_unlikely ();
  make_single_succ_edge (link_bb, out, EDGE_FALLTHRU);

  gsi = gsi_start_bb (free_bb);
  if (read_result)
    gsi_insert_seq_after (&gsi, read_result, GSI_NEW_STMT);
  cpc_build_frame_free (free_bb, fr, { loc, outer });

  gimple_seq lseq = no_result;
  tree hdr = create_tmp_var (build_pointer_type (cpc_frame_header_type ()),
			     "cpc_hdr");
  add_stmt (&lseq, gimple_build_assign (hdr, build_fold_addr_expr
					(frame_ref (layout.hdr_field, fr))),
	    loc, outer);
  tree fnptr = create_tmp_var (cpc_resume_fn_ptr_type (), "cpc_resume");
  add_stmt (&lseq, gimple_build_assign (fnptr, fold_convert
					(cpc_resume_fn_ptr_type (),
					 build_fold_addr_expr (resume_decl))),
	    loc, outer);
  cpc_build_link (&lseq, hdr, fnptr, { loc, outer });
  gsi = gsi_start_bb (link_bb);
  gsi_insert_seq_after (&gsi, lseq, GSI_NEW_STMT);

  single_succ_edge (out)->flags &= ~EDGE_FALLTHRU;
  gsi = gsi_start_bb (out);
  greturn *r = gimple_build_return (ret);
  gimple_set_location (r, loc);
  gimple_set_block (r, outer);
  gsi_insert_after (&gsi, r, GSI_NEW_STMT);
}

/* For debuggers (the gdb extension's "cpc bt"): the source line of each
   suspension point, indexed by state.  A static array of unsigned int,
   symbol "<R>.cpc_lines": element 0 is the number of points, element K
   the line of point K.  */

void
rewriter::emit_line_table ()
{
  unsigned n = an.points.length ();
  tree type = build_array_type_nelts (unsigned_type_node, n + 1);
  vec<constructor_elt, va_gc> *elts = NULL;
  CONSTRUCTOR_APPEND_ELT (elts, size_int (0),
			  build_int_cst (unsigned_type_node, n));
  for (cpc_suspend_point &p : an.points)
    CONSTRUCTOR_APPEND_ELT (elts, size_int (p.index),
			    build_int_cst (unsigned_type_node,
					   LOCATION_LINE (p.loc)));
  char name[512];
  snprintf (name, sizeof name, "%s.cpc_lines",
	    IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (resume_decl)));
  tree var = build_decl (DECL_SOURCE_LOCATION (fndecl), VAR_DECL,
			 get_identifier (name), type);
  SET_DECL_ASSEMBLER_NAME (var, get_identifier (name));
  TREE_STATIC (var) = 1;
  TREE_READONLY (var) = 1;
  TREE_PUBLIC (var) = 0;
  TREE_USED (var) = 1;
  DECL_ARTIFICIAL (var) = 1;
  DECL_IGNORED_P (var) = 1;
  DECL_PRESERVE_P (var) = 1;
  DECL_INITIAL (var) = build_constructor (type, elts);
  TREE_CONSTANT (DECL_INITIAL (var)) = 1;
  TREE_STATIC (DECL_INITIAL (var)) = 1;
  varpool_node::finalize_decl (var);
}

void
rewriter::run ()
{
  build_resume_decl ();
  free_callee_frames_out_of_line = cpc_free_callee_frames_out_of_line (an);
  bool limited = cpc_limit_costly_passes (resume_decl, an);
  if (cpc_opts.dump_frames && (free_callee_frames_out_of_line || limited))
    fprintf (stderr, "cpc-frames: function '%s': %u suspension points: "
	     "%s%s%s\n", IDENTIFIER_POINTER (DECL_NAME (fndecl)),
	     an.points.length (),
	     free_callee_frames_out_of_line
	     ? "callee frames freed by cpc__frame_free" : "",
	     free_callee_frames_out_of_line && limited ? "; " : "",
	     limited ? "compiled without -fgcse -ftree-pta" : "");
  if (debug_info_level > DINFO_LEVEL_NONE && (!optimize || optimize_debug))
    keep_frame_for_debugger = true;
  build_frame_var ();
  plan_replacements ();
  replace_in_body ();
  make_single_exit ();
  find_body_start ();

  /* Last point first: splitting a block after a call then moves only the
     statements up to the next point, so a long straight-line function
     with many points is rewritten in linear time.  */
  auto_vec<basic_block> resume_bbs;
  resume_bbs.safe_grow_cleared (an.points.length ());
  for (int i = an.points.length () - 1; i >= 0; i--)
    lower_point (an.points[i], resume_bbs);

  build_scope ();
  build_dispatch (resume_bbs);
  if (optimize && !optimize_debug)
    {
      cpc_spill_stats st;
      cpc_drop_redundant_spills (fun, slot_accesses, resume_points, &st);
      if (cpc_opts.dump_frames)
	fprintf (stderr, "cpc-frames: function '%s': %u of %u spills "
		 "dropped as redundant, %u of %u state stores, %u %s "
		 "hoisted to loop entries\n",
		 IDENTIFIER_POINTER (DECL_NAME (fndecl)), st.spills_dropped,
		 st.spills, st.states_dropped, st.states, st.hoisted,
		 st.hoisted == 1 ? "store" : "stores");
    }

  /* The saved SSA names have no mention left: their variables replaced
     them.  A stale name would still be streamed with F (-flto).  */
  for (tree v : an.saved)
    if (TREE_CODE (v) == SSA_NAME)
      release_ssa_name_fn (fun, v);

  if (getenv ("CPC_DEBUG_DUMP"))
    dump_function_to_file (fndecl, stderr, TDF_EH | TDF_BLOCKS);

  /* Move everything between the dispatch and the exit into R.  The move
     lays blocks out in a depth-first order; remember the source order.  */
  basic_block dispatch = single_succ (ENTRY_BLOCK_PTR_FOR_FN (fun));
  auto_vec<basic_block> layout_order;
  layout_order.safe_push (dispatch);
  layout_order.safe_push (start_bb);
  {
    hash_set<basic_block> is_resume;
    for (basic_block res : resume_bbs)
      is_resume.add (res);
    basic_block bb;
    FOR_EACH_BB_FN (bb, fun)
      if (bb != dispatch && !is_resume.contains (bb))
	layout_order.safe_push (bb);
    for (basic_block res : resume_bbs)
      layout_order.safe_push (res);
  }
  free_dominance_info (CDI_DOMINATORS);
  calculate_dominance_info (CDI_DOMINATORS);
  basic_block ramp_bb = move_sese_region_to_fn (DECL_STRUCT_FUNCTION
						(resume_decl), dispatch,
						exit_bb, DECL_INITIAL (fndecl));
  DECL_STRUCT_FUNCTION (resume_decl)->curr_properties = fun->curr_properties;
  show_parameters ();
  build_ramp (ramp_bb);
  free_dominance_info (CDI_DOMINATORS);
  free_dominance_info (CDI_POST_DOMINATORS);
  loops_state_set (LOOPS_NEED_FIXUP);

  /* R skips the lowering passes still to come for F: do their part.  */
  emit_line_table ();

  /* The ramp is plumbing: debuggers should find the user's function F in
     R (same DWARF name), so the ramp gets a name of its own in the debug
     information.  Its symbol, computed first, stays F.  */
  DECL_ASSEMBLER_NAME (fndecl);
  char ramp_name[512];
  snprintf (ramp_name, sizeof ramp_name, "%s.ramp",
	    IDENTIFIER_POINTER (DECL_NAME (fndecl)));
  DECL_NAME (fndecl) = get_identifier (ramp_name);
  DECL_ARTIFICIAL (fndecl) = 1;

  cgraph_node::add_new_function (resume_decl, true);
  push_cfun (DECL_STRUCT_FUNCTION (resume_decl));
  /* Lay R out as the source was, the resume paths last, so that without
     optimization the body's first line follows the dispatch (a debugger
     puts "break F" there).  */
  {
    basic_block after = ENTRY_BLOCK_PTR_FOR_FN (cfun);
    hash_set<basic_block> placed;
    for (basic_block bb : layout_order)
      if (bb != after && BASIC_BLOCK_FOR_FN (cfun, bb->index) == bb
	  && !placed.add (bb))
	{
	  move_block_after (bb, after);
	  after = bb;
	}
  }
  calculate_dominance_info (CDI_DOMINATORS);
  fix_loop_structure (NULL);
  free_dominance_info (CDI_DOMINATORS);
  cgraph_edge::rebuild_edges ();
  pop_cfun ();
}

} // anon namespace

void
cpc_rewrite (function *fun, cpc_analysis &an, cpc_frame_layout &layout)
{
  rewriter rw (fun, an, layout);
  rw.run ();
}

/* R's frame parameter with a "__frame" stand-in (build_frame_var) must
   have no DIE, yet var-tracking must follow it, and at -O0 it must live
   in a stack slot: DECL_IGNORED_P says no to all three.  So it is
   DECL_IGNORED_P when dwarf2out looks at R's parameters, early (at the
   end of the front end) and late (in pass "final"), and not in between,
   when code is generated for R.  */

static tree
hidden_frame_parm (tree fndecl)
{
  tree parm = DECL_ARGUMENTS (fndecl);
  tree block = DECL_INITIAL (fndecl);
  if (!parm || !DECL_ARTIFICIAL (parm) || !block || TREE_CODE (block) != BLOCK)
    return NULL_TREE;
  for (tree v = BLOCK_VARS (block); v; v = DECL_CHAIN (v))
    if (VAR_P (v) && DECL_ARTIFICIAL (v) && DECL_HAS_VALUE_EXPR_P (v)
	&& DECL_VALUE_EXPR (v) == parm)
      return parm;
  return NULL_TREE;
}

/* PLUGIN_ALL_IPA_PASSES_START: early debug information is out.  */

static void
show_frame_parms_to_codegen (void *, void *)
{
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (tree parm = hidden_frame_parm (node->decl))
      DECL_IGNORED_P (parm) = 0;
}

/* PLUGIN_PASS_EXECUTION: before "final", which emits R's late debug
   information (var-tracking has run).  */

static void
hide_frame_parm_from_final (void *gcc_data, void *)
{
  opt_pass *pass = (opt_pass *) gcc_data;
  if (cfun && pass && pass->name && !strcmp (pass->name, "final"))
    if (tree parm = hidden_frame_parm (cfun->decl))
      DECL_IGNORED_P (parm) = 1;
}

void
cpc_register_debug_callbacks (const char *plugin_name)
{
  register_callback (plugin_name, PLUGIN_ALL_IPA_PASSES_START,
		     show_frame_parms_to_codegen, NULL);
  register_callback (plugin_name, PLUGIN_PASS_EXECUTION,
		     hide_frame_parm_from_final, NULL);
}
