/* Which arguments of a resume function the target passes in registers.

   When optimizing, a ramp hands its coroutine's scalar parameters to the
   resume function as arguments (rewrite.cc, "direct entry") instead of
   storing them in the frame for the resume function to load.  The
   runtime calls the same resume function with the frame and the state
   alone, so the arguments after those two are absent then; that is only
   harmless when every one of them is in a register: a callee may write
   its incoming argument area on the stack (i386, where it would be the
   runtime's own stack frame), never a caller's registers.  The target's
   calling convention answers which ones are, through the same hooks the
   expander uses.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"
#include "target.h"
#include "rtl.h"
#include "tm_p.h"
#include "calls.h"

tree
cpc_resume_fn_type (tree frame_ptr, tree rettype, const vec<tree> &parms)
{
  tree args = void_list_node;
  for (unsigned i = parms.length (); i-- > 0;)
    args = tree_cons (NULL_TREE, TREE_TYPE (parms[i]), args);
  args = tree_cons (NULL_TREE, unsigned_type_node, args);
  args = tree_cons (NULL_TREE, frame_ptr, args);
  return build_function_type (rettype, args);
}

unsigned
cpc_register_arg_prefix (tree fntype)
{
  CUMULATIVE_ARGS cum_v;
  memset (&cum_v, 0, sizeof cum_v);
#ifdef INIT_CUMULATIVE_INCOMING_ARGS
  INIT_CUMULATIVE_INCOMING_ARGS (cum_v, fntype, NULL_RTX);
#else
  INIT_CUMULATIVE_ARGS (cum_v, fntype, NULL_RTX, NULL_TREE, -1);
#endif
  cumulative_args_t cum = pack_cumulative_args (&cum_v);
  unsigned n = 0;
  for (tree a = TYPE_ARG_TYPES (fntype); a && !VOID_TYPE_P (TREE_VALUE (a));
       a = TREE_CHAIN (a))
    {
      function_arg_info arg (TREE_VALUE (a), /*named=*/true);
      if (targetm.calls.must_pass_in_stack (arg)
	  || pass_by_reference (&cum_v, arg))
	break;
      rtx where = targetm.calls.function_arg (cum, arg);
      if (!where || !REG_P (where)
	  || targetm.calls.arg_partial_bytes (cum, arg) != 0)
	break;
      targetm.calls.function_arg_advance (cum, arg);
      n++;
    }
  return n;
}

tree
cpc_passed_type (tree fntype, tree type)
{
  if (targetm.calls.promote_prototypes (fntype) && INTEGRAL_TYPE_P (type)
      && TYPE_PRECISION (type) < TYPE_PRECISION (integer_type_node))
    return integer_type_node;
  return type;
}

/* The parameters of FUN that may go in registers: a prefix of scalars
   that are register variables of the resume function, as many as the
   target passes in registers after the frame and the state.  */

void
cpc_choose_direct_parms (function *fun, cpc_analysis &an)
{
  if (!optimize || optimize_debug)
    return;
  tree fndecl = fun->decl;
  auto_vec<tree> cands;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    {
      tree t = TREE_TYPE (p);
      if (an.resident.contains (p) || TREE_ADDRESSABLE (p)
	  || TREE_THIS_VOLATILE (p) || !is_gimple_reg (p)
	  || !(INTEGRAL_TYPE_P (t) || POINTER_TYPE_P (t)
	       || SCALAR_FLOAT_TYPE_P (t)))
	break;
      cands.safe_push (p);
    }
  if (cands.is_empty ())
    return;
  tree rettype = TREE_TYPE (TREE_TYPE (fndecl));
  unsigned in_regs
    = cpc_register_arg_prefix (cpc_resume_fn_type (ptr_type_node, rettype,
						   cands));
  unsigned n = in_regs >= 2 ? MIN (in_regs - 2, cands.length ()) : 0;
  for (unsigned i = 0; i < n; i++)
    an.direct_parms.safe_push (cands[i]);
}

/* Whether a resume function may return a value of type RETTYPE that the
   runtime, calling it as returning void, ignores: an integer or pointer
   the target returns in registers (not __int128 on s390x, which goes
   through memory whose address is a hidden first argument).  */

bool
cpc_direct_result_p (tree rettype)
{
  if (!INTEGRAL_TYPE_P (rettype) && !POINTER_TYPE_P (rettype))
    return false;
  tree fntype = build_function_type_list (rettype, ptr_type_node,
					  unsigned_type_node, NULL_TREE);
  return !aggregate_value_p (rettype, fntype);
}
