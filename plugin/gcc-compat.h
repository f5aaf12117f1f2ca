/* cpc: compatibility shims for the GCC plugin API across GCC releases.

   Copyright (C) 2026 The cpc authors.

   This file is part of cpc.  cpc is free software; you can redistribute it
   and/or modify it under the terms of the GNU General Public License as
   published by the Free Software Foundation; either version 3, or (at your
   option) any later version.  SPDX-License-Identifier: GPL-3.0-or-later

   Included by cpc-plugin.h after every GCC header, so that a shim can
   rename or wrap what those headers declare.  The plugin is written
   against GCC 12's internal API; each entry below names the release that
   changed an API the plugin uses, what changed, and the shim.  What was
   checked and found unchanged is listed in docs/PORTING.md.

   The plugin still refuses to be loaded by a GCC other than the one whose
   headers it was built against (plugin_default_version_check in
   plugin.cc): these shims make the *source* build against newer headers,
   not one binary run in several compilers.  */

#ifndef CPC_GCC_COMPAT_H
#define CPC_GCC_COMPAT_H

/* BUILDING_GCC_MAJOR, BUILDING_GCC_MINOR and BUILDING_GCC_VERSION
   (major * 1000 + minor) of the compiler whose headers we build against,
   as the Linux kernel's scripts/gcc-plugins/gcc-common.h uses them.  */
#include "bversion.h"

#if BUILDING_GCC_MAJOR < 12
# error "cpc needs the plugin headers of GCC 12 or later (gcc-12-plugin-dev)"
#endif

/* GCC 14 removed last_stmt (basic_block); last_nondebug_stmt is the same
   function under its new name (both skip trailing debug statements).  */
#if BUILDING_GCC_VERSION >= 14000
# define last_stmt(BB) last_nondebug_stmt (BB)
#endif

/* GCC 14 replaced the NULL-terminated attribute tables of front ends and
   targets with scoped_attribute_specs (array_slice), but kept
   register_attribute (const attribute_spec *) for plugins and kept the
   nine fields of struct attribute_spec (name, min_length, max_length,
   decl_required, type_required, function_type_required,
   affects_type_identity, handler, exclude) in the same order: the
   plugin's positional initializer in attribs.cc stays valid.  The check
   below makes a future change of the layout a compile error here rather
   than a silently shifted initializer.  */
static_assert (__builtin_offsetof (attribute_spec, name)
	       < __builtin_offsetof (attribute_spec, min_length)
	       && __builtin_offsetof (attribute_spec, max_length)
	       < __builtin_offsetof (attribute_spec, decl_required)
	       && __builtin_offsetof (attribute_spec, function_type_required)
	       < __builtin_offsetof (attribute_spec, affects_type_identity)
	       && __builtin_offsetof (attribute_spec, affects_type_identity)
	       < __builtin_offsetof (attribute_spec, handler)
	       && __builtin_offsetof (attribute_spec, handler)
	       < __builtin_offsetof (attribute_spec, exclude),
	       "struct attribute_spec changed: review attribs.cc's initializer");

#endif /* CPC_GCC_COMPAT_H */
