/* cpc: stackless coroutines for C, lowered inside GCC.  Plugin entry point:
   version check, arguments, and registration of the attribute, the checks
   and the lowering pass.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"
#include "plugin-version.h"
#include "c-family/c-pragma.h"

/* The C front end's preprocessor: absent from lto1, which loads the plugin
   too when it is given at -flto link time.  */
#pragma weak parse_in

int plugin_is_GPL_compatible;

cpc_options cpc_opts;

static const char plugin_name[] = "cpc";

struct cpc_argument
{
  const char *name;
  const char *help;
};

static const cpc_argument known_arguments[] = {
  { "dump-frames", "print each transformed function's suspension points "
		   "and frame layout to stderr" },
  { "help", "list the arguments of the cpc plugin" },
};

static struct plugin_info cpc_plugin_info = {
  "1.0.0",
  "cpc: stackless coroutines for C.  Arguments: -fplugin-arg-cpc-dump-frames,"
  " -fplugin-arg-cpc-help"
};

static void
print_help (void)
{
  fprintf (stderr, "The cpc plugin (-fplugin=cpc) accepts:\n");
  for (const cpc_argument &a : known_arguments)
    fprintf (stderr, "  -fplugin-arg-cpc-%-20s %s\n", a.name, a.help);
}

/* Returns false after reporting an unknown or malformed argument.  */

static bool
parse_arguments (const plugin_name_args *info)
{
  bool ok = true;
  for (int i = 0; i < info->argc; i++)
    {
      const plugin_argument &arg = info->argv[i];
      if (!strcmp (arg.key, "dump-frames") && !arg.value)
	cpc_opts.dump_frames = true;
      else if (!strcmp (arg.key, "help") && !arg.value)
	print_help ();
      else
	{
	  error ("cpc: unknown plugin argument %<-fplugin-arg-cpc-%s%s%s%>; "
		 "use %<-fplugin-arg-cpc-help%> for the list", arg.key,
		 arg.value ? "=" : "", arg.value ? arg.value : "");
	  ok = false;
	}
    }
  return ok;
}

/* The lowering pass: runs on every function right after the CFG is
   built, before SSA, so everything after it sees ordinary functions.  */

namespace {

const pass_data cpc_pass_data = {
  GIMPLE_PASS, "cpc", OPTGROUP_NONE, TV_NONE,
  PROP_gimple_any | PROP_cfg, 0, 0, 0, 0
};

class cpc_pass : public gimple_opt_pass
{
public:
  cpc_pass (gcc::context *ctxt) : gimple_opt_pass (cpc_pass_data, ctxt) {}

  unsigned int
  execute (function *fun) final override
  {
    if (!cpc_diagnose_body (fun) || !cpc_coroutine_decl_p (fun->decl))
      return 0;
    if (DECL_STATIC_CHAIN (fun->decl)
	|| (DECL_CONTEXT (fun->decl)
	    && TREE_CODE (DECL_CONTEXT (fun->decl)) == FUNCTION_DECL))
      {
	error_at (DECL_SOURCE_LOCATION (fun->decl),
		  "nested function %qD cannot be a coroutine_fn", fun->decl);
	return 0;
      }
    cpc_analysis an;
    cpc_find_suspend_points (fun, an);
    if (an.points.is_empty ())
      {
	/* Nothing can suspend: the function stays as it is, and its
	   callers' protocol still holds (it never reports suspending).  */
	if (cpc_opts.dump_frames)
	  {
	    expanded_location l
	      = expand_location (DECL_SOURCE_LOCATION (fun->decl));
	    fprintf (stderr, "cpc-frames: function '%s' at %s:%d: "
		     "0 suspension points, frame 0 bytes (not transformed)\n",
		     IDENTIFIER_POINTER (DECL_NAME (fun->decl)), l.file,
		     l.line);
	  }
	return 0;
      }
    cpc_compute_saved (fun, an);
    if (seen_error ())
      return 0;
    cpc_frame_layout layout;
    cpc_build_frame (fun, an, layout);
    if (cpc_opts.dump_frames)
      cpc_dump_frame (fun, an, layout);
    cpc_rewrite (fun, an, layout);
    delete layout.field_of;
    delete layout.union_field_of;
    return 0;
  }
};

} // anon namespace

opt_pass *
cpc_make_pass (gcc::context *ctxt)
{
  return new cpc_pass (ctxt);
}

/* PLUGIN_PRAGMAS runs once the preprocessor exists, also with -E, so
   <cpc.h> can tell that the plugin is loaded.  */

static void
define_version_macro (void *, void *)
{
  char buf[32];
  snprintf (buf, sizeof buf, "__CPC__=%d", CPC_VERSION_NUMBER);
  /* Already-preprocessed input (-save-temps, -fpreprocessed) has seen the
     macro when it was preprocessed; defining it again would be read as a
     line marker.  */
  if (&parse_in && parse_in && !cpp_get_options (parse_in)->preprocessed)
    {
      /* With -g3 the define callback feeds the macro to the debug
	 information, which is not set up yet at this point.  */
      cpp_callbacks *cb = cpp_get_callbacks (parse_in);
      auto saved_define = cb->define;
      cb->define = NULL;
      cpp_define (parse_in, buf);
      cb->define = saved_define;
    }
}

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("cpc: this plugin was built for GCC %s and cannot be loaded by "
	     "GCC %s; rebuild cpc for this compiler",
	     gcc_version.basever, version->basever);
      return 1;
    }
  /* At -flto link time lto1 reads functions that were already lowered
     when they were compiled: nothing to do, but the plugin is welcome.  */
  if (!strcmp (lang_hooks.name, "GNU GIMPLE"))
    return parse_arguments (info) ? 0 : 1;
  if (strncmp (lang_hooks.name, "GNU C", 5) != 0
      || strstr (lang_hooks.name, "C++"))
    {
      error ("cpc: the cpc plugin supports only C (this is %s)",
	     lang_hooks.name);
      return 1;
    }
  if (!parse_arguments (info))
    return 1;

  register_callback (plugin_name, PLUGIN_INFO, NULL, &cpc_plugin_info);
  register_callback (plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
		     (void *) cpc_abi_roots ());
  register_callback (plugin_name, PLUGIN_ATTRIBUTES, cpc_register_attributes,
		     NULL);
  register_callback (plugin_name, PLUGIN_PRAGMAS, define_version_macro, NULL);
  register_callback (plugin_name, PLUGIN_FINISH_TYPE, cpc_check_abi_type,
		     NULL);
  register_callback (plugin_name, PLUGIN_PRE_GENERICIZE,
		     cpc_check_conversions, NULL);
  register_callback (plugin_name, PLUGIN_FINISH_DECL,
		     cpc_check_global_initializer, NULL);

  struct register_pass_info pass;
  pass.pass = cpc_make_pass (g);
  pass.reference_pass_name = "cfg";
  pass.ref_pass_instance_number = 1;
  pass.pos_op = PASS_POS_INSERT_AFTER;
  register_callback (plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
  cpc_register_debug_callbacks (plugin_name);
  return 0;
}
