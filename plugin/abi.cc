/* The frame header type and the runtime entry points, both derived from
   runtime/cpc-abi.def so that the plugin and libcpc cannot drift apart.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

/* Trees kept across passes; registered as GC roots by plugin.cc.  */
static tree header_type;
static tree resume_fn_ptr_type;
static tree entry_decls[CPC_ENTRY_MAX];
static tree hot_type;
static tree fe_hot_type;
static tree tls_decl;

static const ggc_root_tab abi_roots[] = {
  { &header_type, 1, sizeof (tree), gt_ggc_mx_lang_tree_node,
    gt_pch_nx_lang_tree_node },
  { &resume_fn_ptr_type, 1, sizeof (tree), gt_ggc_mx_lang_tree_node,
    gt_pch_nx_lang_tree_node },
  { entry_decls, CPC_ENTRY_MAX, sizeof (tree), gt_ggc_mx_lang_tree_node,
    gt_pch_nx_lang_tree_node },
  { &hot_type, 1, sizeof (tree), gt_ggc_mx_lang_tree_node,
    gt_pch_nx_lang_tree_node },
  { &tls_decl, 1, sizeof (tree), gt_ggc_mx_lang_tree_node,
    gt_pch_nx_lang_tree_node },
  { &fe_hot_type, 1, sizeof (tree), gt_ggc_mx_lang_tree_node,
    gt_pch_nx_lang_tree_node },
  LAST_GGC_ROOT_TAB
};

const ggc_root_tab *
cpc_abi_roots (void)
{
  return abi_roots;
}

/* The types the .def file names by KIND.  */

static tree
kind_type (const char *kind)
{
  if (!strcmp (kind, "RESUME_FN"))
    return cpc_resume_fn_ptr_type ();
  if (!strcmp (kind, "FRAME_PTR"))
    return build_pointer_type (cpc_frame_header_type ());
  if (!strcmp (kind, "UINT"))
    return unsigned_type_node;
  if (!strcmp (kind, "PTR"))
    return ptr_type_node;
  if (!strcmp (kind, "SIZE"))
    return size_type_node;
  if (!strcmp (kind, "INT"))
    return integer_type_node;
  if (!strcmp (kind, "VOID"))
    return void_type_node;
  if (!strcmp (kind, "BYTE_PTR"))
    return build_pointer_type (char_type_node);
  if (!strcmp (kind, "UCHAR"))
    return unsigned_char_type_node;
  if (!strcmp (kind, "USHORT"))
    return short_unsigned_type_node;
  if (!strcmp (kind, "U64"))
    return long_long_unsigned_type_node;
  if (!strcmp (kind, "HOT_PTR"))
    return build_pointer_type (cpc_hot_type ());
  gcc_unreachable ();
}

/* Prepend a FIELD_DECL NAME of .def kind KIND to *FIELDS (the .def lists
   of the two structs are read in order; finish_builtin_struct reverses
   the chain back).  */

static void
push_field (tree *fields, const char *name, const char *kind)
{
  tree f = build_decl (BUILTINS_LOCATION, FIELD_DECL, get_identifier (name),
		       kind_type (kind));
  DECL_CHAIN (f) = *fields;
  *fields = f;
}

/* The field NAME of TYPE, which must exist.  */

static tree
find_field (tree type, const char *name)
{
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == FIELD_DECL && DECL_NAME (f)
	&& id_equal (DECL_NAME (f), name))
      return f;
  gcc_unreachable ();
}

/* struct cpc_frame, laid out by GCC exactly as the C compiler lays out
   the runtime's definition (the fields and their types are the same).  */

tree
cpc_frame_header_type (void)
{
  if (header_type)
    return header_type;
  header_type = lang_hooks.types.make_type (RECORD_TYPE);
  tree fields = NULL_TREE;
#define DEF_CPC_FRAME_FIELD(NAME, KIND) push_field (&fields, #NAME, #KIND);
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
  /* finish_builtin_struct reverses the chain back into .def order.  */
  finish_builtin_struct (header_type, "cpc_frame", fields, NULL_TREE);
  return header_type;
}

/* struct cpc_hot, likewise.  */

static tree
own_hot_type (void)
{
  if (hot_type)
    return hot_type;
  hot_type = lang_hooks.types.make_type (RECORD_TYPE);
  tree fields = NULL_TREE;
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND) push_field (&fields, #NAME, #KIND);
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
  finish_builtin_struct (hot_type, "cpc_hot", fields, NULL_TREE);
  return hot_type;
}

/* The type the generated code accesses the hot block with: the one
   <cpc.h> declared when the unit includes it (checked to have our layout),
   so that its accesses and those of the inline cpc_enter are of one type
   for alias analysis; else our own.  */

tree
cpc_hot_type (void)
{
  return fe_hot_type ? fe_hot_type : own_hot_type ();
}

tree
cpc_hot_field (const char *name)
{
  return find_field (cpc_hot_type (), name);
}

/* struct cpc_thread, as the hot block: the type of libcpc's one
   thread-local variable.  */

static tree
own_thread_type (void)
{
  tree type = lang_hooks.types.make_type (RECORD_TYPE);
  tree fields = NULL_TREE;
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND) push_field (&fields, #NAME, #KIND);
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
  finish_builtin_struct (type, "cpc_thread", fields, NULL_TREE);
  return type;
}

/* libcpc's thread-local cpc__thread (cpc-abi.def, DEF_CPC_TLS):
   initial-exec, so that an access is one thread-pointer-relative load or
   store (the linker relaxes it further in a static link).  When <cpc.h>
   declared it and the translation unit uses it, the front end's decl is
   taken, so that the unit has one symbol of that name.  */

static tree
thread_decl (void)
{
  if (tls_decl)
    return tls_decl;
  tree name = get_identifier ("cpc__thread");
  if (symtab_node *node = symtab_node::get_for_asmname (name))
    if (VAR_P (node->decl) && DECL_THREAD_LOCAL_P (node->decl))
      return tls_decl = node->decl;
  tree decl = build_decl (BUILTINS_LOCATION, VAR_DECL, name,
			  own_thread_type ());
  DECL_EXTERNAL (decl) = 1;
  TREE_PUBLIC (decl) = 1;
  TREE_STATIC (decl) = 0;
  DECL_ARTIFICIAL (decl) = 1;
  DECL_IGNORED_P (decl) = 1;
  set_decl_tls_model (decl, TLS_MODEL_INITIAL_EXEC);
  return tls_decl = decl;
}

/* A new reference to the field WHICH of cpc__thread (of the type of
   whichever decl is used, the front end's or ours).  */

tree
cpc_tls_ref (cpc_tls which)
{
  static const char *const names[] = {
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND) #NAME,
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
  };
  tree decl = thread_decl ();
  tree field = find_field (TREE_TYPE (decl), names[which]);
  return build3 (COMPONENT_REF, TREE_TYPE (field), decl, field, NULL_TREE);
}

tree
cpc_current_ref (void)
{
  return cpc_tls_ref (CPC_TLS_current);
}

tree
cpc_frame_header_field (const char *name)
{
  return find_field (cpc_frame_header_type (), name);
}

tree
cpc_resume_fn_ptr_type (void)
{
  if (!resume_fn_ptr_type)
    {
      /* Built before the header type is complete: the header contains a
	 pointer to it.  */
      if (!header_type)
	cpc_frame_header_type ();
      if (!resume_fn_ptr_type)
	{
	  tree fnt = build_function_type_list (void_type_node,
					       build_pointer_type (header_type),
					       unsigned_type_node, NULL_TREE);
	  resume_fn_ptr_type = build_pointer_type (fnt);
	}
    }
  return resume_fn_ptr_type;
}

static tree
build_entry_decl (const char *name, const char *ret, const char *arg1,
		  const char *arg2)
{
  tree fntype;
  if (!strcmp (arg1, "VOID"))
    fntype = build_function_type_list (kind_type (ret), NULL_TREE);
  else if (!strcmp (arg2, "VOID"))
    fntype = build_function_type_list (kind_type (ret), kind_type (arg1),
				       NULL_TREE);
  else
    fntype = build_function_type_list (kind_type (ret), kind_type (arg1),
				       kind_type (arg2), NULL_TREE);
  tree decl = build_decl (BUILTINS_LOCATION, FUNCTION_DECL,
			  get_identifier (name), fntype);
  DECL_EXTERNAL (decl) = 1;
  TREE_PUBLIC (decl) = 1;
  DECL_ARTIFICIAL (decl) = 1;
  TREE_NOTHROW (decl) = 1;
  DECL_VISIBILITY (decl) = VISIBILITY_DEFAULT;
  DECL_VISIBILITY_SPECIFIED (decl) = 1;
  return decl;
}

tree
cpc_entry_decl (cpc_entry which)
{
  if (entry_decls[which])
    return entry_decls[which];
  switch (which)
    {
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_HOT_FIELD(NAME, KIND)
#define DEF_CPC_TLS(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)				\
    case CPC_ENTRY_##NAME:						\
      entry_decls[which] = build_entry_decl (#NAME, #RET, #ARG1, #ARG2); \
      break;
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_CONSTANT
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_HOT_FIELD
#undef DEF_CPC_TLS
#undef DEF_CPC_ENTRY2
    default:
      gcc_unreachable ();
    }
  return entry_decls[which];
}

/* Whether the C front end's TYPE has OURS's fields at the same offsets
   and sizes, and the same size.  */

static bool
same_layout_p (tree type, tree ours_type)
{
  tree ours = TYPE_FIELDS (ours_type);
  tree theirs = TYPE_FIELDS (type);
  for (; ours && theirs; ours = DECL_CHAIN (ours), theirs = DECL_CHAIN (theirs))
    if (!DECL_NAME (theirs)
	|| DECL_NAME (ours) != DECL_NAME (theirs)
	|| !tree_int_cst_equal (byte_position (ours), byte_position (theirs))
	|| !tree_int_cst_equal (DECL_SIZE_UNIT (ours), DECL_SIZE_UNIT (theirs)))
      return false;
  return !ours && !theirs
	 && tree_int_cst_equal (TYPE_SIZE_UNIT (type),
				TYPE_SIZE_UNIT (ours_type));
}

/* PLUGIN_FINISH_TYPE: when the C front end completes struct cpc_frame or
   struct cpc_hot (from <cpc.h>), compare its layout with ours field by
   field.  A mismatch means the plugin and the installed headers come
   from different cpc versions; generated code would corrupt frames, so
   stop here.  */

void
cpc_check_abi_type (void *gcc_data, void *)
{
  tree type = (tree) gcc_data;
  if (!type || TREE_CODE (type) != RECORD_TYPE || !TYPE_NAME (type)
      || !COMPLETE_TYPE_P (type))
    return;
  tree name = TYPE_NAME (type);
  if (TREE_CODE (name) == TYPE_DECL)
    name = DECL_NAME (name);
  if (!name)
    return;
  tree ours;
  if (id_equal (name, "cpc_frame"))
    ours = cpc_frame_header_type ();
  else if (id_equal (name, "cpc_hot"))
    ours = own_hot_type ();
  else
    return;
  if (same_layout_p (type, ours))
    {
      if (ours == hot_type)
	fe_hot_type = type;
    }
  else
    /* A C struct's TYPE_NAME is the tag, an identifier: the place is on
       the stub TYPE_DECL.  */
    error_at (TYPE_STUB_DECL (type) ? DECL_SOURCE_LOCATION (TYPE_STUB_DECL
							   (type))
	      : input_location,
	      "cpc: ABI mismatch: %<struct %s%> in this header differs "
	      "from the layout the cpc plugin generates; the plugin and "
	      "%<cpc.h%> come from different versions",
	      IDENTIFIER_POINTER (name));
}
