/* Keeping the compile time of a coroutine with many suspension points
   close to linear.

   A resume function R reaches the code after each suspension point both
   in line (the call did not suspend) and from its dispatch (a resume),
   so every point is a join of two paths, and every resume path after a
   call to a coroutine_fn repeats the same sequence: take the finished
   callee's frame, load the current coroutine's arena window, free the
   frame in line or through the runtime.  Some of GCC's passes are
   quadratic in that shape.  Measured on a function of 2,000 calls to a
   coroutine_fn at -O2 (39 s, against 1.8 s for the same calls in plain
   C): RTL PRE (-fgcse) took half of the time, and value numbering of the
   repeated window loads and the free's diamond most of the rest (a model
   of R written in C: 30 s, 7 s with the free as a call).  Freeing by a
   call doubles the calls, and points-to analysis is itself quadratic in
   the calls of a function (it is in plain C too); in R it can tell
   little apart anyway, since the frame and everything the body reaches
   through it are nonlocal memory.  So above these thresholds R frees a
   callee's frame with one call into the runtime and is compiled without
   -fgcse and -ftree-pta: 2,000 calls then take 7 s, 4,000 take 17 s
   (plain C: 2.5 s and 7.6 s).  Below them (nearly every real function)
   the code is as fast as it can be.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

/* Above this many calls to coroutine_fns in one function, a finished
   callee's frame is freed by cpc__frame_free, not in line.  The resume
   path after such a call already goes through the runtime's trampoline,
   so the call costs little; at 100 points the inline sequence doubled
   the compile time of the model.  */
static const unsigned out_of_line_free_calls = 64;

/* Above this many suspension points, R is compiled without RTL PRE and
   points-to analysis.  */
static const unsigned costly_passes_points = 256;

bool
cpc_free_callee_frames_out_of_line (const cpc_analysis &an)
{
  unsigned calls = 0;
  for (const cpc_suspend_point &p : an.points)
    if (!p.is_cpc_suspend)
      calls++;
  return calls > out_of_line_free_calls;
}

/* Give RESUME_DECL, a resume function whose body has AN's points, the
   options of the function being rewritten (current in global_options:
   the pass manager restored them for it) less the passes that would
   make it compile in quadratic time.  Returns whether it did.  */

bool
cpc_limit_costly_passes (tree resume_decl, const cpc_analysis &an)
{
  if (!optimize || an.points.length () <= costly_passes_points
      || (!flag_gcse && !flag_tree_pta))
    return false;
  gcc_options opts = global_options;
  opts.x_flag_gcse = 0;
  opts.x_flag_tree_pta = 0;
  DECL_FUNCTION_SPECIFIC_OPTIMIZATION (resume_decl)
    = build_optimization_node (&opts, &global_options_set);
  return true;
}
