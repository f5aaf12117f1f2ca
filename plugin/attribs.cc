/* The coroutine_fn attribute, and the rules of the language that must be
   checked on GENERIC because GIMPLE drops the conversions involved.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

static const char attr_name[] = "coroutine_fn";

/* GCC's attribute machinery moves the attribute from a declaration to its
   function type, and from a pointer to its pointed-to function type
   (function_type_required), and warns when there is no function type at
   all.  So the handler only sees function types.  */

static tree
handle_coroutine_fn (tree *node, tree name, tree, int, bool *no_add_attrs)
{
  if (TREE_CODE (*node) != FUNCTION_TYPE)
    {
      error ("%qE attribute only applies to functions", name);
      *no_add_attrs = true;
    }
  return NULL_TREE;
}

static const struct attribute_spec coroutine_fn_attr = {
  attr_name, 0, 0,
  false /* decl_required */, true /* type_required */,
  true /* function_type_required */, true /* affects_type_identity */,
  handle_coroutine_fn, NULL
};

void
cpc_register_attributes (void *, void *)
{
  register_attribute (&coroutine_fn_attr);
}

bool
cpc_coroutine_type_p (const_tree fntype)
{
  return (fntype && FUNC_OR_METHOD_TYPE_P (fntype)
	  && lookup_attribute (attr_name, TYPE_ATTRIBUTES (fntype)));
}

bool
cpc_coroutine_decl_p (const_tree fndecl)
{
  return (fndecl && TREE_CODE (fndecl) == FUNCTION_DECL
	  && cpc_coroutine_type_p (TREE_TYPE (fndecl)));
}

/* cpc_suspend is expanded in place: it has no frame of its own.  */

bool
cpc_suspend_decl_p (const_tree fndecl)
{
  return (fndecl && TREE_CODE (fndecl) == FUNCTION_DECL
	  && DECL_NAME (fndecl) && id_equal (DECL_NAME (fndecl), "cpc_suspend")
	  && TREE_PUBLIC (fndecl) && cpc_coroutine_decl_p (fndecl));
}

/* 1 for a pointer to a coroutine_fn function type, 0 for a pointer to a
   plain function type, -1 for anything else.  */

static int
fnptr_kind (tree type)
{
  if (!type || !POINTER_TYPE_P (type))
    return -1;
  tree target = TREE_TYPE (type);
  if (!FUNC_OR_METHOD_TYPE_P (target))
    return -1;
  return cpc_coroutine_type_p (target) ? 1 : 0;
}

/* Like fnptr_kind, for the value of expression VALUE: the address of a
   coroutine function may already carry the target's plain type (the C
   front end folds the conversion of a constant initializer into it).  */

static int
value_fnptr_kind (tree value)
{
  tree inner = value;
  STRIP_NOPS (inner);
  if (TREE_CODE (inner) == ADDR_EXPR
      && TREE_CODE (TREE_OPERAND (inner, 0)) == FUNCTION_DECL
      && fnptr_kind (TREE_TYPE (value)) >= 0)
    return cpc_coroutine_decl_p (TREE_OPERAND (inner, 0)) ? 1 : 0;
  return fnptr_kind (TREE_TYPE (value));
}

/* Diagnose VALUE used where type TO is expected.  Returns true when it
   diagnosed.  */

static bool
check_conversion (location_t loc, tree to, tree value)
{
  int to_kind = fnptr_kind (to), from_kind = value_fnptr_kind (value);
  if (to_kind < 0 || from_kind < 0 || to_kind == from_kind)
    return false;
  /* An argument is seen both as an argument and as its own conversion:
     one error per place is enough.  */
  static location_t last_reported = UNKNOWN_LOCATION;
  if (loc == last_reported)
    return true;
  last_reported = loc;
  if (from_kind)
    error_at (loc, "conversion from coroutine_fn function pointer to plain "
	      "function pointer");
  else
    error_at (loc, "conversion from plain function pointer to coroutine_fn "
	      "function pointer");
  return true;
}

static location_t
loc_or (tree t, location_t fallback)
{
  location_t loc = EXPR_LOCATION (t);
  return loc == UNKNOWN_LOCATION ? fallback : loc;
}

static void check_initializer (location_t loc, tree type, tree init);

struct conversion_walk
{
  location_t last;		/* Nearest location seen, in walk order.  */
  tree fndecl;			/* The function being checked.  */
};

/* The rule "only a coroutine_fn calls a coroutine_fn", checked on GENERIC
   so that it holds whether or not the caller survives to be compiled.  */

static void
check_call_rule (location_t loc, tree call, tree fndecl)
{
  if (cpc_coroutine_decl_p (fndecl))
    return;
  tree fn = CALL_EXPR_FN (call);
  if (!fn || !POINTER_TYPE_P (TREE_TYPE (fn)))
    return;
  tree callee = get_callee_fndecl (call);
  if (!cpc_coroutine_type_p (TREE_TYPE (TREE_TYPE (fn)))
      && !cpc_coroutine_decl_p (callee))
    return;
  if (callee)
    error_at (loc, "coroutine_fn %qD called from %qD, which is not a "
	      "coroutine_fn", callee, fndecl);
  else
    error_at (loc, "call through a coroutine_fn pointer from %qD, which is "
	      "not a coroutine_fn", fndecl);
}

static tree
check_conversions_r (tree *tp, int *walk_subtrees, void *data)
{
  tree t = *tp;
  conversion_walk *cw = (conversion_walk *) data;
  /* walk_tree is pre-order: a node without a location (an assignment
     inside a return, say) takes the nearest located one before it.  */
  location_t *last = &cw->last;
  location_t loc = loc_or (t, *last);
  if (EXPR_P (t) && EXPR_HAS_LOCATION (t))
    *last = loc;
  if (TYPE_P (t))
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  switch (TREE_CODE (t))
    {
    CASE_CONVERT:
    case VIEW_CONVERT_EXPR:
      check_conversion (loc, TREE_TYPE (t), TREE_OPERAND (t, 0));
      break;

    case MODIFY_EXPR:
    case INIT_EXPR:
      check_conversion (loc, TREE_TYPE (TREE_OPERAND (t, 0)),
			TREE_OPERAND (t, 1));
      break;

    case DECL_EXPR:
      {
	tree decl = DECL_EXPR_DECL (t);
	/* Static initializers are checked at PLUGIN_FINISH_DECL.  */
	if (VAR_P (decl) && !TREE_STATIC (decl) && DECL_INITIAL (decl)
	    && DECL_INITIAL (decl) != error_mark_node)
	  check_initializer (DECL_SOURCE_LOCATION (decl), TREE_TYPE (decl),
			     DECL_INITIAL (decl));
      }
      break;

    case CALL_EXPR:
      check_call_rule (loc, t, cw->fndecl);
      {
	/* Internal-function calls (e.g. __attribute__ ((fallthrough)))
	   have no function operand.  */
	tree fn = CALL_EXPR_FN (t);
	tree fntype = (fn && POINTER_TYPE_P (TREE_TYPE (fn))
		       ? TREE_TYPE (TREE_TYPE (fn)) : NULL_TREE);
	if (fntype && FUNC_OR_METHOD_TYPE_P (fntype))
	  {
	    tree parm = TYPE_ARG_TYPES (fntype);
	    for (int i = 0; i < call_expr_nargs (t) && parm
			    && TREE_VALUE (parm) != void_type_node;
		 i++, parm = TREE_CHAIN (parm))
	      check_conversion (loc_or (CALL_EXPR_ARG (t, i), loc),
				TREE_VALUE (parm), CALL_EXPR_ARG (t, i));
	  }
      }
      break;

    case COND_EXPR:
      if (TREE_OPERAND (t, 1) && TREE_OPERAND (t, 2))
	{
	  check_conversion (loc, TREE_TYPE (t), TREE_OPERAND (t, 1));
	  check_conversion (loc, TREE_TYPE (t), TREE_OPERAND (t, 2));
	}
      break;

    case CONSTRUCTOR:
      check_initializer (loc, TREE_TYPE (t), t);
      break;

    default:
      break;
    }
  return NULL_TREE;
}

/* Walk an initializer: a scalar against the declared type, a brace list
   against the types of the fields or elements it fills.  */

static void
check_initializer (location_t loc, tree type, tree init)
{
  if (TREE_CODE (init) != CONSTRUCTOR)
    {
      check_conversion (loc_or (init, loc), type, init);
      return;
    }
  unsigned i;
  tree index, value;
  FOR_EACH_CONSTRUCTOR_ELT (CONSTRUCTOR_ELTS (init), i, index, value)
    {
      tree elt_type = NULL_TREE;
      if (index && TREE_CODE (index) == FIELD_DECL)
	elt_type = TREE_TYPE (index);
      else if (TREE_CODE (type) == ARRAY_TYPE)
	elt_type = TREE_TYPE (type);
      if (elt_type)
	check_initializer (loc, elt_type, value);
    }
}

/* PLUGIN_PRE_GENERICIZE: the body of a function as the C front end built
   it, conversions still explicit.  */

void
cpc_check_conversions (void *gcc_data, void *)
{
  tree fndecl = (tree) gcc_data;
  if (!fndecl || TREE_CODE (fndecl) != FUNCTION_DECL
      || !DECL_SAVED_TREE (fndecl))
    return;
  location_t loc = DECL_SOURCE_LOCATION (fndecl);
  conversion_walk cw = { loc, fndecl };
  hash_set<tree> visited;
  walk_tree (&DECL_SAVED_TREE (fndecl), check_conversions_r, &cw, &visited);

  if (cpc_coroutine_decl_p (fndecl))
    {
      if (MAIN_NAME_P (DECL_NAME (fndecl)) && TREE_PUBLIC (fndecl))
	error_at (loc, "%<main%> cannot be a coroutine_fn");
      else if (stdarg_p (TREE_TYPE (fndecl)))
	error_at (loc, "variadic function %qD cannot be a coroutine_fn",
		  fndecl);
      else if (TREE_THIS_VOLATILE (fndecl))
	error_at (loc, "coroutine_fn %qD cannot be %<noreturn%>: it returns "
		  "to its caller whenever it suspends", fndecl);
    }
}

/* PLUGIN_FINISH_DECL: file-scope and static initializers never reach
   PRE_GENERICIZE.  */

void
cpc_check_global_initializer (void *gcc_data, void *)
{
  tree decl = (tree) gcc_data;
  if (decl && VAR_P (decl) && DECL_INITIAL (decl)
      && DECL_INITIAL (decl) != error_mark_node
      && (TREE_STATIC (decl) || DECL_EXTERNAL (decl)))
    check_initializer (DECL_SOURCE_LOCATION (decl), TREE_TYPE (decl),
		       DECL_INITIAL (decl));
}
