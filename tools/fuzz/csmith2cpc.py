#!/usr/bin/env python3
# Rewrite a csmith program into a cpc coroutine program.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: GPL-3.0-or-later
#
#   - every func_N becomes a coroutine_fn (prototypes and definitions);
#   - "csmith.h" becomes tools/fuzz/csmith/cpc-csmith.h, whose safe_*
#     arithmetic helpers are coroutine_fn and suspend every few calls: every
#     arithmetic operation is a suspension point inside an expression;
#   - cpc_suspend () is inserted at statement boundaries in the func_N
#     bodies (a seeded choice of them);
#   - main runs func_1 inside a coroutine, resuming it until it finishes.
#
# Compiled against testsuite/lib/plain/cpc.h the result is the csmith
# program itself (coroutine_fn empty, cpc_suspend a no-op); with the plugin
# it really suspends.  Both must print the same checksum.
#
# Usage: csmith2cpc.py [--seed N] [--suspend-prob P] < csmith.c > cpc.c

import argparse
import random
import re
import sys

# Options for csmith: no floats (the safe_math float helpers are not in
# cpc-csmith.h), bounded program size.
CSMITH_FLAGS = ['--no-float', '--max-funcs', '8', '--quiet', '--concise']

# Any return type: "static int32_t * const  func_5(", "static struct S0  func_2(".
FUNC_RE = re.compile(r'^static\s[^;(=]*?\bfunc_\d+\s*\(')

DRIVER = r'''
static int csm_done;

coroutine_fn static void
csm_entry (void *opaque)
{
  (void) opaque;
  func_1 ();
  csm_done = 1;
}

static void
csm_run (void)
{
  cpc_coroutine *co = cpc_create (csm_entry, 0);
  long steps = 0;
  while (!csm_done)
    {
      cpc_enter (co);
      if (++steps > 2000000000L)
	abort ();
    }
}

'''


def rewrite(src, seed=0, prob=0.5):
    r = random.Random(seed)
    out = []
    in_func = False
    depth = 0
    for line in src.split('\n'):
        s = line.strip()
        if s == '#include "csmith.h"':
            out.append('#include "cpc-csmith.h"')
            continue
        m = FUNC_RE.match(line)
        if m and depth == 0:
            line = 'coroutine_fn ' + line
            in_func = not s.endswith(';')
        elif depth == 0 and re.match(r'^int main\s*\(', line):
            out.append(DRIVER)
            in_func = False
        if re.match(r'^\s+func_1\s*\(\s*\)\s*;\s*$', line) and not in_func:
            line = line.replace('func_1()', 'csm_run ()').replace('func_1 ()', 'csm_run ()')
        out.append(line)
        # Statement boundaries inside func_N bodies.
        if in_func and depth > 0 and s.endswith(';') and not s.startswith(('for', 'while', 'if', 'else')) \
                and '{' not in s and '}' not in s and r.random() < prob:
            ind = line[:len(line) - len(line.lstrip())]
            out.append(ind + 'cpc_suspend ();')
        depth += line.count('{') - line.count('}')
        if depth == 0 and in_func and '}' in line:
            in_func = False
    return '\n'.join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--suspend-prob', type=float, default=0.5)
    a = ap.parse_args()
    sys.stdout.write(rewrite(sys.stdin.read(), a.seed, a.suspend_prob))


if __name__ == '__main__':
    main()
