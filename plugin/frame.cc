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
  /* Frames are only CPC_FRAME_ALIGN-aligned: an over-aligned type gets a
     less aligned variant, so every access the plugin generates copes.
     (Over-aligned variables whose address escapes are rejected.)  */
  unsigned cap = CPC_FRAME_ALIGN * BITS_PER_UNIT;
  if (DECL_ALIGN (field) > cap)
    SET_DECL_ALIGN (field, cap);
  if (TYPE_ALIGN (type) > cap)
    TREE_TYPE (field) = build_aligned_type (type, cap);
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

/* Register variables only need their slot while the function is
   suspended at a point they are live across (or, for a parameter, between
   the ramp and the start of the body, "point 0"): two of them whose sets
   of points are disjoint can share one slot, a union of their types.
   Resident variables (cpc_analysis::resident) are reachable at any time
   and keep slots of their own.  */

struct slot_plan
{
  auto_vec<tree> vars;
  bitmap points;
};

static int
size_order (const void *pa, const void *pb)
{
  tree a = *(const tree *) pa, b = *(const tree *) pb;
  unsigned HOST_WIDE_INT sa = tree_to_uhwi (TYPE_SIZE_UNIT (TREE_TYPE (a)));
  unsigned HOST_WIDE_INT sb = tree_to_uhwi (TYPE_SIZE_UNIT (TREE_TYPE (b)));
  if (sa != sb)
    return sa > sb ? -1 : 1;
  return saved_order (pa, pb);
}

/* Neither block encloses the other.  */

static bool
scopes_disjoint_p (tree a, tree b)
{
  for (tree x = a; x && TREE_CODE (x) == BLOCK; x = BLOCK_SUPERCONTEXT (x))
    if (x == b)
      return false;
  for (tree x = b; x && TREE_CODE (x) == BLOCK; x = BLOCK_SUPERCONTEXT (x))
    if (x == a)
      return false;
  return true;
}

/* Add to the field chain CHAIN one slot holding VARS: a plain field for a
   single variable, else a union of their fields.  */

static void
add_slot (cpc_frame_layout &layout, vec<tree> &vars, unsigned slot_no,
	  tree &chain)
{
  tree f;
  if (vars.length () == 1)
    {
      f = make_field (field_name (vars[0]), TREE_TYPE (vars[0]), vars[0]);
      layout.field_of->put (vars[0], f);
    }
  else
    {
      tree u = lang_hooks.types.make_type (UNION_TYPE);
      tree members = NULL_TREE;
      for (tree v : vars)
	{
	  tree m = make_field (field_name (v), TREE_TYPE (v), v);
	  DECL_CHAIN (m) = members;
	  members = m;
	  layout.field_of->put (v, m);
	}
      char uname[32];
      snprintf (uname, sizeof uname, "__slot%u", slot_no);
      finish_builtin_struct (u, uname, members, NULL_TREE);
      f = make_field (uname, u, NULL_TREE);
      for (tree m = TYPE_FIELDS (u); m; m = DECL_CHAIN (m))
	layout.union_field_of->put (m, f);
    }
  DECL_CHAIN (f) = chain;
  chain = f;
}

void
cpc_build_frame (function *fun, cpc_analysis &an, cpc_frame_layout &layout)
{
  bitmap_obstack ob;
  bitmap_obstack_initialize (&ob);
  hash_map<tree, bitmap> points_of;
  for (tree v : an.saved)
    if (!an.resident.contains (v))
      {
	bitmap b = BITMAP_ALLOC (&ob);
	/* Point 0: the fresh start, where the ramp hands the parameters
	   over in the frame (those passed in registers excepted).  */
	if (TREE_CODE (v) == PARM_DECL && !an.direct_parms.contains (v))
	  bitmap_set_bit (b, 0);
	points_of.put (v, b);
      }
  for (cpc_suspend_point &p : an.points)
    for (tree v : p.live)
      if (bitmap *b = points_of.get (v))
	bitmap_set_bit (*b, p.index);

  /* Greedy colouring, largest first.  */
  auto_vec<tree> regs, memory;
  for (tree v : an.saved)
    (an.resident.contains (v) ? memory : regs).safe_push (v);
  regs.qsort (size_order);
  memory.qsort (saved_order);
  auto_delete_vec<slot_plan> slots;
  for (tree v : regs)
    {
      bitmap pts = *points_of.get (v);
      slot_plan *home = NULL;
      for (slot_plan *s : slots)
	if (!bitmap_intersect_p (s->points, pts))
	  {
	    home = s;
	    break;
	  }
      if (!home)
	{
	  home = new slot_plan;
	  home->points = BITMAP_ALLOC (&ob);
	  slots.safe_push (home);
	}
      home->vars.safe_push (v);
      bitmap_ior_into (home->points, pts);
    }

  tree type = lang_hooks.types.make_type (RECORD_TYPE);
  layout.hdr_field = make_field ("__hdr", cpc_frame_header_type (), NULL_TREE);
  tree chain = layout.hdr_field;
  tree rettype = TREE_TYPE (TREE_TYPE (fun->decl));
  layout.retval_field = NULL_TREE;
  if (!VOID_TYPE_P (rettype))
    {
      layout.retval_field = make_field ("__retval", rettype, NULL_TREE);
      DECL_CHAIN (layout.retval_field) = chain;
      chain = layout.retval_field;
    }
  layout.field_of = new hash_map<tree, tree>;
  layout.union_field_of = new hash_map<tree, tree>;
  unsigned slot_no = 0;
  for (slot_plan *s : slots)
    add_slot (layout, s->vars, slot_no++, chain);

  /* Resident variables of disjoint scopes share too, as stack slots do:
     their lifetimes cannot overlap.  Parameters, temporaries and the
     function's outermost variables have no such scope and share with
     nothing.  */
  hash_map<tree, tree> scope_of;
  cpc_record_scopes (BLOCK_SUBBLOCKS (DECL_INITIAL (fun->decl)), scope_of);
  auto_delete_vec<auto_vec<tree>> scoped;
  for (tree v : memory)
    {
      tree *scope = scope_of.get (v);
      if (!scope)
	{
	  auto_vec<tree> alone;
	  alone.safe_push (v);
	  add_slot (layout, alone, slot_no++, chain);
	  continue;
	}
      auto_vec<tree> *home = NULL;
      for (auto_vec<tree> *group : scoped)
	{
	  bool disjoint = true;
	  for (tree other : *group)
	    disjoint &= scopes_disjoint_p (*scope, *scope_of.get (other));
	  if (disjoint)
	    {
	      home = group;
	      break;
	    }
	}
      if (!home)
	{
	  home = new auto_vec<tree>;
	  scoped.safe_push (home);
	}
      home->safe_push (v);
    }
  for (auto_vec<tree> *group : scoped)
    add_slot (layout, *group, slot_no++, chain);

  char name[256];
  snprintf (name, sizeof name, "%s.frame",
	    IDENTIFIER_POINTER (DECL_NAME (fun->decl)));
  finish_builtin_struct (type, name, chain, NULL_TREE);
  layout.type = type;
  bitmap_obstack_release (&ob);
}

/* Byte offset of FIELD in the frame, through its shared slot if any.  */

long
cpc_field_offset (cpc_frame_layout &layout, tree field)
{
  long off = int_byte_position (field);
  if (tree *outer = layout.union_field_of->get (field))
    off += int_byte_position (*outer);
  return off;
}

long
cpc_frame_offset (cpc_frame_layout &layout, tree v)
{
  return cpc_field_offset (layout, *layout.field_of->get (v));
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

/* SHARED: the slot is shared with other variables.  RESIDENT: a register
   variable kept in the frame for its whole life (too many suspension
   points to spill at each).  */

static void
dump_field (tree field, long offset, const char *name, const char *kind,
	    bool shared, bool resident)
{
  fprintf (stderr, "cpc-frames:   field %s offset %ld size %ld%s%s%s%s%s\n",
	   name, offset, (long) tree_to_shwi (DECL_SIZE_UNIT (field)),
	   kind ? " (" : "", kind ? kind : "", shared ? ", shared slot" : "",
	   resident ? ", resident" : "", kind ? ")" : "");
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
  dump_field (layout.hdr_field, 0, "__hdr", NULL, false, false);
  if (layout.retval_field)
    dump_field (layout.retval_field, int_byte_position (layout.retval_field),
		"__retval", NULL, false, false);
  for (tree v : an.saved)
    {
      tree f = *layout.field_of->get (v);
      bool register_type = TREE_CODE (v) == SSA_NAME || is_gimple_reg (v);
      dump_field (f, cpc_frame_offset (layout, v), var_name (v), var_kind (v),
		  layout.union_field_of->get (f) != NULL,
		  register_type && an.resident.contains (v));
    }
}
