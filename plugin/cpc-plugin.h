/* cpc: stackless coroutines for C -- declarations shared by the plugin's
   source files.

   Copyright (C) 2026 The cpc authors.

   This file is part of cpc.  cpc is free software; you can redistribute it
   and/or modify it under the terms of the GNU General Public License as
   published by the Free Software Foundation; either version 3, or (at your
   option) any later version.  SPDX-License-Identifier: GPL-3.0-or-later  */

#ifndef CPC_PLUGIN_H
#define CPC_PLUGIN_H

#include "gcc-plugin.h"
#include "c-family/c-common.h"
#include "cpplib.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "cfghooks.h"
#include "cfgloop.h"
#include "stringpool.h"
#include "tree-ssa-alias.h"
#include "gimple-expr.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "gimplify.h"
#include "gimplify-me.h"
#include "gimple-pretty-print.h"
#include "tree-cfg.h"
#include "ssa.h"
#include "tree-ssa.h"
#include "tree-into-ssa.h"
#include "tree-dfa.h"
#include "attribs.h"
#include "diagnostic.h"
#include "stor-layout.h"
#include "fold-const.h"
#include "cgraph.h"
#include "langhooks.h"
#include "dominance.h"
#include "cfganal.h"
#include "except.h"
#include "tree-eh.h"
#include "bitmap.h"
#include "tree-iterator.h"
#include "print-tree.h"
#include "gcc-compat.h"

/* Version announced to C code as __CPC__ (major * 10000 + minor * 100 +
   patch).  */
#define CPC_VERSION_NUMBER 100

/* Options given with -fplugin-arg-cpc-NAME (plugin.cc).  */
struct cpc_options
{
  bool dump_frames;
};
extern cpc_options cpc_opts;

/* attribs.cc: the coroutine_fn attribute and the rules of the language
   that are checked on GENERIC.  */
void cpc_register_attributes (void *, void *);
void cpc_check_conversions (void *, void *);
void cpc_check_global_initializer (void *, void *);
bool cpc_coroutine_type_p (const_tree fntype);
bool cpc_coroutine_decl_p (const_tree fndecl);
bool cpc_suspend_decl_p (const_tree fndecl);

/* abi.cc: the frame header and the runtime entry points, from
   runtime/cpc-abi.def.  */
enum cpc_entry
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2) CPC_ENTRY_##NAME,
#include "cpc-abi.def"
  CPC_ENTRY_MAX
};
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT

enum cpc_constant
{
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE) CPC_##NAME = VALUE,
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};
tree cpc_frame_header_type (void);
tree cpc_frame_header_field (const char *name);
tree cpc_resume_fn_ptr_type (void);
tree cpc_entry_decl (cpc_entry which);
tree cpc_hot_type (void);
tree cpc_hot_field (const char *name);
/* The fields of the thread-local cpc__thread (cpc-abi.def, DEF_CPC_TLS).  */
enum cpc_tls
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND) CPC_TLS_##NAME,
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
  CPC_TLS_MAX
};
tree cpc_tls_ref (cpc_tls which);
tree cpc_current_ref (void);
void cpc_check_abi_type (void *, void *);
const ggc_root_tab *cpc_abi_roots (void);

/* analysis.cc: suspension points and liveness, on the CFG of one
   coroutine_fn before SSA.  */
struct cpc_suspend_point
{
  gcall *call;
  unsigned index;		/* State index, from 1.  */
  bool is_cpc_suspend;		/* Expanded in place: no callee frame.  */
  location_t loc;
  /* Register variables live after the call (its result excluded): spilled
     to the frame before the call, reloaded on the resume path.  */
  vec<tree> live;
  /* Variables holding a __builtin_stack_save value live after the call:
     not saved; the resume path takes a fresh one, since the stack they
     describe is gone (only a VLA's deallocation uses them).  */
  vec<tree> stack_saves;
};

struct cpc_analysis
{
  auto_vec<cpc_suspend_point> points;
  /* Variables (PARM_DECL, VAR_DECL; SSA names already turned into VARs)
     that go into the frame, in a stable order.  */
  auto_vec<tree> saved;
  /* Saved variables that live in the frame for their whole life, every
     mention a frame access: memory variables (address taken, aggregates,
     volatiles), and register variables live across so many suspension
     points that spilling and reloading at each would cost more.  The
     other saved variables are spilled and reloaded.  */
  hash_set<tree> resident;
  /* When optimizing (not -Og): the leading parameters the ramp passes to
     the resume function in registers, in order (entry-args.cc).  Those
     not live across a suspension point are not saved: they have no
     frame field.  */
  auto_vec<tree> direct_parms;

  ~cpc_analysis ()
  {
    for (cpc_suspend_point &p : points)
      {
	p.live.release ();
	p.stack_saves.release ();
      }
  }
};

/* A register variable live across more suspension points than this lives
   in the frame instead of being spilled and reloaded at each: the code a
   spill/reload costs grows as (variables) x (points).  */
#define CPC_MAX_SPILL_POINTS 8

bool cpc_diagnose_body (function *fun);
/* Map every variable of the BLOCK tree rooted at BLOCK to its BLOCK.  */
void cpc_record_scopes (tree block, hash_map<tree, tree> &scope_of);
void cpc_find_suspend_points (function *fun, cpc_analysis &an);
void cpc_compute_saved (function *fun, cpc_analysis &an);

/* frame.cc: frame type layout and the dump.  */
struct cpc_frame_layout
{
  tree type;			/* RECORD_TYPE of the frame.  */
  tree hdr_field;
  tree retval_field;		/* NULL for void functions.  */
  hash_map<tree, tree> *field_of;	/* saved variable -> FIELD_DECL  */
  /* A FIELD_DECL that is a member of a shared slot -> the slot's field.  */
  hash_map<tree, tree> *union_field_of;
};
/* The byte offset in the frame of FIELD (maybe a member of a shared
   slot), and of saved variable V's field.  */
long cpc_field_offset (cpc_frame_layout &layout, tree field);
long cpc_frame_offset (cpc_frame_layout &layout, tree v);
void cpc_build_frame (function *fun, cpc_analysis &an,
		      cpc_frame_layout &layout);
void cpc_dump_frame (function *fun, cpc_analysis &an,
		     cpc_frame_layout &layout);
tree cpc_retval_view_type (tree rettype);

/* spill-elim.cc: a spill or reload the rewrite made: STMT stores REG
   into, or loads it from, the SIZE bytes of the frame at OFF.  TRACKED
   is false for a slot that code other than spills and reloads may write
   (it shares bytes with a frame-resident variable or the result).  A
   suspension point's store of its state index is a spill too (IS_STATE):
   its REG is the INTEGER_CST stored, which nothing redefines.  */
struct cpc_slot_access
{
  gimple *stmt;
  tree reg;
  HOST_WIDE_INT off, size;
  bool is_spill;
  bool tracked;
  bool is_state;
};
/* Suspension point K as spill-elim sees it: RESUME is the block the
   dispatch enters for K, where the frame's state field (the SIZE bytes
   at OFF) holds STATE, the INTEGER_CST K, because the runtime passes R
   the frame's own state; SUSPEND is the block from which the suspending
   path leaves R (after it, the coroutine continues at RESUME).  */
struct cpc_resume_point
{
  basic_block resume, suspend;
  tree state;
  HOST_WIDE_INT off, size;
};
/* What cpc_drop_redundant_spills did: of the SPILLS register spills it
   was given, SPILLS_DROPPED were deleted, and STATES_DROPPED of the
   STATES state stores; HOISTED copies of spills remain on loop entry
   edges.  */
struct cpc_spill_stats
{
  unsigned spills, spills_dropped, states, states_dropped, hoisted;
};
/* Delete the spills of FUN that store a value the slot already holds on
   every path, after copying loop-carried ones to the loops' entry edges
   where that makes the copies in the loop redundant.  The accesses it
   adds go to ACCESSES.  */
void cpc_drop_redundant_spills (function *fun, vec<cpc_slot_access> &accesses,
				const vec<cpc_resume_point> &points,
				cpc_spill_stats *stats);

/* inline-abi.cc: the runtime's hot paths as inline GIMPLE (the sequences
   cpc-abi.def documents).  Each builder takes the location and BLOCK its
   statements get.  */
struct cpc_stmt_origin
{
  location_t loc;
  tree block;
};
/* Append to SEQ: RESULT = "did the last call suspend?" (an int).
   AFTER_CALL: the call is one to a coroutine_fn's ramp (a suspension
   point), not the ramp's own call of its resume function.  */
void cpc_build_suspending_test (gimple_seq *seq, tree result,
				const cpc_stmt_origin &at,
				bool after_call);
/* Append to SEQ: mark the coroutine as suspending (cpc_suspend ()).  */
void cpc_build_suspend (gimple_seq *seq, const cpc_stmt_origin &at);
/* Append to SEQ: link FRAME (a struct cpc_frame *) with resume function
   RESUME while unwinding a suspension.  */
void cpc_build_link (gimple_seq *seq, tree frame, tree resume,
		     const cpc_stmt_origin &at);
/* Append to SEQ: DONE = the finished callee frame handed over.  */
void cpc_build_take_done (gimple_seq *seq, tree done,
			  const cpc_stmt_origin &at);
/* Insert at the end of BB, which must have one successor, the
   allocation of a frame of SIZE bytes into RESULT (void *); returns the
   block where the code after it goes.  */
basic_block cpc_build_frame_alloc (basic_block bb, tree result,
				   unsigned HOST_WIDE_INT size,
				   const cpc_stmt_origin &at);
/* Likewise, freeing FRAME (void *, the most recent live frame); with
   OUT_OF_LINE, by a call of cpc__frame_free alone.  */
basic_block cpc_build_frame_free (basic_block bb, tree frame,
				  const cpc_stmt_origin &at,
				  bool out_of_line = false);

/* big-functions.cc: what a function with many suspension points gives
   up so that it compiles in near-linear time.  */
bool cpc_free_callee_frames_out_of_line (const cpc_analysis &an);
bool cpc_limit_costly_passes (tree resume_decl, const cpc_analysis &an);

/* entry-args.cc: the type of a resume function taking a FRAME_PTR, the
   state and PARMS' types, returning RETTYPE.  */
tree cpc_resume_fn_type (tree frame_ptr, tree rettype,
			 const vec<tree> &parms);
/* How many leading arguments of function type FNTYPE
   the target passes in registers, as seen by the callee.  */
unsigned cpc_register_arg_prefix (tree fntype);
/* Whether a resume function may return F's value of type RETTYPE.  */
bool cpc_direct_result_p (tree rettype);
/* Fill AN.direct_parms for FUN (AN.resident known).  */
void cpc_choose_direct_parms (function *fun, cpc_analysis &an);
/* The type a parameter of type TYPE of a function of type FNTYPE is
   passed as (the C front end's DECL_ARG_TYPE).  */
tree cpc_passed_type (tree fntype, tree type);

/* rewrite.cc: the split into ramp and resume function.  */
void cpc_rewrite (function *fun, cpc_analysis &an, cpc_frame_layout &layout);
void cpc_register_debug_callbacks (const char *plugin_name);

/* plugin.cc: the pass.  */
opt_pass *cpc_make_pass (gcc::context *ctxt);

#endif /* CPC_PLUGIN_H */
