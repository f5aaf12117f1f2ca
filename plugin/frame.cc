/* The frame type of a transformed function, and its dump.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

static tree
make_field (const char *name, tree type, tree var)
{
  tree field = build_decl (var && DECL_P (var) ? DECL_SOURCE_LOCATION (var)
			   : BUILTINS_LOCATION,
			   FIELD_DECL, get_identifier (name), type);
  if (var && DECL_P (var))
    {
      SET_DECL_ALIGN (field, DECL_ALIGN (var));
      DECL_USER_ALIGN (field) = DECL_USER_ALIGN (var);
      TREE_THIS_VOLATILE (field) = TREE_THIS_VOLATILE (var);
      TREE_ADDRESSABLE (field) = TREE_ADDRESSABLE (var);
    }
  return field;
}

/* A name for the field of VAR, unique within the frame.  */

static const char *
field_name (tree var)
{
  static char buf[64];
  if (TREE_CODE (var) == SSA_NAME)
    snprintf (buf, sizeof buf, "_%u", SSA_NAME_VERSION (var));
  else if (DECL_NAME (var) && !DECL_IGNORED_P (var))
    snprintf (buf, sizeof buf, "%s.%u",
	      IDENTIFIER_POINTER (DECL_NAME (var)), DECL_UID (var));
  else
    snprintf (buf, sizeof buf, "D.%u", DECL_UID (var));
  return ggc_strdup (buf);
}

/* The two-field prefix { header; T __retval; } every frame of a function
   returning RETTYPE starts with: how a caller reads a finished callee's
   result knowing only the callee's type.  */

tree
cpc_retval_view_type (tree rettype)
{
  tree type = lang_hooks.types.make_type (RECORD_TYPE);
  tree hdr = make_field ("__hdr", cpc_frame_header_type (), NULL_TREE);
  tree ret = make_field ("__retval", rettype, NULL_TREE);
  DECL_CHAIN (ret) = hdr;
  finish_builtin_struct (type, "cpc_retval_view", ret, NULL_TREE);
  return type;
}

static int
saved_order (const void *pa, const void *pb)
{
  tree a = *(const tree *) pa, b = *(const tree *) pb;
  bool parm_a = TREE_CODE (a) == PARM_DECL, parm_b = TREE_CODE (b) == PARM_DECL;
  if (parm_a != parm_b)
    return parm_a ? -1 : 1;
  if (parm_a)
    return 0;
  unsigned al_a = TYPE_ALIGN (TREE_TYPE (a)), al_b = TYPE_ALIGN (TREE_TYPE (b));
  if (al_a != al_b)
    return al_a > al_b ? -1 : 1;
  unsigned ua = TREE_CODE (a) == SSA_NAME ? SSA_NAME_VERSION (a) + (1u << 30)
					  : DECL_UID (a);
  unsigned ub = TREE_CODE (b) == SSA_NAME ? SSA_NAME_VERSION (b) + (1u << 30)
					  : DECL_UID (b);
  return ua < ub ? -1 : ua > ub;
}

void
cpc_build_frame (function *fun, cpc_analysis &an, cpc_frame_layout &layout)
{
  /* Parameters keep their order (stable sort by hand: qsort is not).  */
  auto_vec<tree> parms, others;
  for (tree v : an.saved)
    (TREE_CODE (v) == PARM_DECL ? parms : others).safe_push (v);
  others.qsort (saved_order);
  an.saved.truncate (0);
  for (tree v : parms)
    an.saved.safe_push (v);
  for (tree v : others)
    an.saved.safe_push (v);

  tree type = lang_hooks.types.make_type (RECORD_TYPE);
  tree chain = NULL_TREE;
  layout.hdr_field = make_field ("__hdr", cpc_frame_header_type (), NULL_TREE);
  chain = layout.hdr_field;
  tree rettype = TREE_TYPE (TREE_TYPE (fun->decl));
  layout.retval_field = NULL_TREE;
  if (!VOID_TYPE_P (rettype))
    {
      layout.retval_field = make_field ("__retval", rettype, NULL_TREE);
      DECL_CHAIN (layout.retval_field) = chain;
      chain = layout.retval_field;
    }
  layout.field_of = new hash_map<tree, tree>;
  for (tree v : an.saved)
    {
      tree f = make_field (field_name (v), TREE_TYPE (v), v);
      DECL_CHAIN (f) = chain;
      chain = f;
      layout.field_of->put (v, f);
    }
  char name[256];
  snprintf (name, sizeof name, "%s.frame",
	    IDENTIFIER_POINTER (DECL_NAME (fun->decl)));
  finish_builtin_struct (type, name, chain, NULL_TREE);
  layout.type = type;
}

static const char *
var_kind (tree v)
{
  if (TREE_CODE (v) == PARM_DECL)
    return "parameter";
  if (TREE_CODE (v) == SSA_NAME || DECL_ARTIFICIAL (v) || !DECL_NAME (v))
    return "temporary";
  return "local";
}

static const char *
var_name (tree v)
{
  static char buf[64];
  if (TREE_CODE (v) == SSA_NAME)
    snprintf (buf, sizeof buf, "_%u", SSA_NAME_VERSION (v));
  else if (DECL_NAME (v))
    return IDENTIFIER_POINTER (DECL_NAME (v));
  else
    snprintf (buf, sizeof buf, "D.%u", DECL_UID (v));
  return buf;
}

static void
dump_field (tree field, const char *name, const char *kind)
{
  fprintf (stderr, "cpc-frames:   field %s offset %ld size %ld%s%s%s\n", name,
	   (long) int_byte_position (field),
	   (long) tree_to_shwi (DECL_SIZE_UNIT (field)),
	   kind ? " (" : "", kind ? kind : "", kind ? ")" : "");
}

void
cpc_dump_frame (function *fun, cpc_analysis &an, cpc_frame_layout &layout)
{
  expanded_location floc = expand_location (DECL_SOURCE_LOCATION (fun->decl));
  fprintf (stderr,
	   "cpc-frames: function '%s' at %s:%d: %u suspension point%s, "
	   "frame %ld bytes\n",
	   IDENTIFIER_POINTER (DECL_NAME (fun->decl)), floc.file, floc.line,
	   an.points.length (), an.points.length () == 1 ? "" : "s",
	   (long) tree_to_shwi (TYPE_SIZE_UNIT (layout.type)));
  for (cpc_suspend_point &p : an.points)
    {
      expanded_location l = expand_location (p.loc);
      tree callee = gimple_call_fndecl (p.call);
      if (p.is_cpc_suspend)
	fprintf (stderr, "cpc-frames:   suspend %u at %s:%d: cpc_suspend\n",
		 p.index, l.file, l.line);
      else if (callee)
	fprintf (stderr, "cpc-frames:   suspend %u at %s:%d: call to '%s'\n",
		 p.index, l.file, l.line,
		 IDENTIFIER_POINTER (DECL_NAME (callee)));
      else
	fprintf (stderr, "cpc-frames:   suspend %u at %s:%d: indirect call\n",
		 p.index, l.file, l.line);
    }
  dump_field (layout.hdr_field, "__hdr", NULL);
  if (layout.retval_field)
    dump_field (layout.retval_field, "__retval", NULL);
  for (tree v : an.saved)
    dump_field (*layout.field_of->get (v), var_name (v), var_kind (v));
}
