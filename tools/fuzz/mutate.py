#!/usr/bin/env python3
# cpc bad-input fuzzer: token mutations of valid test programs.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes C files (by default the testsuite's cpc.torture, cpc.dg, cpc.diff
# programs), applies 1-3 random token mutations to each copy (delete,
# duplicate, swap with the next one, replace with another token of the
# file, or insert a coroutine-flavoured token: coroutine_fn, cpc_suspend (),
# braces, parentheses, attribute forms...), and compiles every mutant with
# the plugin (-c, a timeout).  The compiler may accept or reject a mutant,
# with any diagnostic; it must never crash (internal compiler error, a
# signal) or hang.  A crash is re-checked without the plugin (-D__CPC__ so
# that <cpc.h> still compiles): if GCC crashes there too it is counted as
# a GCC bug, not a cpc one.  Crashes are saved under --findings.
#
# Exit status 0 when no mutant crashed or hung cc1 because of the plugin.

import argparse
import concurrent.futures
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = re.compile(r'''
    (?P<ws>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<pp>\#[^\n]*(?:\\\n[^\n]*)*)
  | (?P<tok>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'
      |[A-Za-z_]\w*|\d[\w.]*(?:[eEpP][+-]\d+)?
      |<<=|>>=|\.\.\.|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\#\#
      |[^\s])
''', re.S | re.X)

INSERTS = ['coroutine_fn', 'cpc_suspend ()', 'cpc_suspend ();', '{', '}', '(', ')', ';', ',',
           '__attribute__ ((coroutine_fn))', '__attribute__ ((coroutine_fn (1)))', 'static',
           'void', 'int', '*', '&', 'return', 'goto', 'break', 'volatile', '[1]', '...',
           '({ cpc_suspend (); 0; })', '_Generic', 'sizeof', 'typeof', '__builtin_expect',
           'register', '_Thread_local', 'inline', 'main', 'alloca (8)', '0', '1',
           'typedef', 'struct', 'union', 'enum', '__label__', '&&', 'case 1:', 'default:']


STMTS = ['cpc_suspend ();', 'return;', 'return 0;', 'break;', 'continue;', 'goto out; out:;',
         'int t_ = ({ cpc_suspend (); 1; });', 'static int s_;', 'int *p_ = &p_[0];',
         'char big_[1 << 20];', 'void (*fp_) (void) = cpc_suspend;', '{', '}', 'for (;;)',
         'while (0)', 'if (1)', 'switch (1) { case 1: cpc_suspend (); }', 'int v_[cpc_suspend (), 4];',
         '__builtin_unreachable ();', 'char *a_ = __builtin_alloca (16);', 'asm ("");',
         'typedef int coroutine_fn cf_ (void);', 'coroutine_fn int nf_ (void) { cpc_suspend (); return 1; }',
         '__label__ l_;', 'cpc_enter (cpc_self ());', 'cpc_create (0, 0);']


def tokens(src):
    """List of (text, is_token); preprocessor lines and whitespace kept whole."""
    out = []
    for m in TOKEN.finditer(src):
        if m.group('tok') is not None:
            out.append((m.group('tok'), True))
        else:
            out.append((m.group(0), False))
    return out


def mutate(src, r):
    toks = tokens(src)
    idx = [i for i, (t, k) in enumerate(toks) if k]
    if not idx:
        return src, 'none'
    what = []
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        idx = [i for i, (t, k) in enumerate(toks) if k]
        i = r.choice(idx)
        op = r.choice(['delete', 'duplicate', 'swap', 'replace', 'insert',
                       'replace-ident', 'replace-ident', 'insert-stmt', 'insert-stmt'])
        if op == 'replace-ident':
            # Keeps the syntax: reaches the plugin's analysis more often.
            ids = [j for j in idx if re.match(r'[A-Za-z_]\w*$', toks[j][0])]
            if ids:
                i = r.choice(ids)
                toks[i] = (toks[r.choice(ids)][0], True)
        elif op == 'insert-stmt':
            semis = [j for j in idx if toks[j][0] in (';', '{')]
            if semis:
                i = r.choice(semis)
                toks.insert(i + 1, (' ' + r.choice(STMTS) + ' ', True))
        elif op == 'delete':
            toks[i] = ('', True)
        elif op == 'duplicate':
            toks.insert(i, (toks[i][0] + ' ', True))
        elif op == 'swap':
            j = idx[min(idx.index(i) + 1, len(idx) - 1)]
            toks[i], toks[j] = toks[j], toks[i]
        elif op == 'replace':
            toks[i] = (toks[r.choice(idx)][0], True)
        else:
            toks.insert(i, (' ' + r.choice(INSERTS) + ' ', True))
        what.append('%s@%d' % (op, i))
    return ''.join(t for t, _ in toks), ' '.join(what)


def compile_one(cc, flags, path, timeout):
    try:
        p = subprocess.run([cc] + flags + ['-c', path, '-o', os.devnull],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                           env=dict(os.environ, LC_ALL='C'))
    except subprocess.TimeoutExpired:
        return 'hang', ''
    out = p.stdout.decode('utf-8', 'replace')
    if 'internal compiler error' in out or p.returncode < 0 or 'terminated signal' in out \
            or 'Segmentation fault' in out:
        return 'crash', out
    if p.returncode == 0:
        return 'accepted', out
    if re.search(r':\d+(:\d+)?: (fatal )?error: ', out):
        return 'rejected', out
    return 'no-diagnostic', out


def main():
    ap = argparse.ArgumentParser(description='cpc token-mutation fuzzer')
    ap.add_argument('files', nargs='*', help='default: the testsuite programs')
    ap.add_argument('-n', type=int, default=1000, help='number of mutants')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--plugin', required=True)
    ap.add_argument('--include', required=True, help='directory of <cpc.h>')
    ap.add_argument('--cc', default='gcc')
    ap.add_argument('--opts', default='-O0;-O2', help='option sets separated by ";"')
    ap.add_argument('--timeout', type=int, default=60)
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--findings', default=os.path.join(HERE, 'findings'))
    a = ap.parse_args()
    files = a.files
    if not files:
        ts = os.path.join(HERE, '..', '..', 'testsuite')
        for d in ('cpc.torture', 'cpc.dg', 'cpc.diff', 'cpc.badinput', 'cpc.fuzz-regress'):
            files += sorted(glob.glob(os.path.join(ts, d, '*.c')))
    srcs = []
    for f in files:
        with open(f) as fh:
            t = fh.read()
        # Inputs of known open bugs would only find those again.
        if 'badinput-xfail:' not in t and 'Not a test on its own' not in t:
            srcs.append((f, t))
    sets = [s.split() for s in a.opts.split(';') if s.strip()]
    tmp = tempfile.mkdtemp(prefix='cpc-mutate-')
    lock = threading.Lock()
    counts = {}
    crashes = []

    def job(k):
        r = random.Random(a.seed * 1000003 + k)
        f, src = srcs[r.randrange(len(srcs))]
        mut, what = mutate(src, r)
        path = os.path.join(tmp, 'm%d.c' % k)
        with open(path, 'w') as fh:
            fh.write(mut)
        flags = ['-fplugin=' + a.plugin, '-I' + a.include, '-I' + os.path.dirname(os.path.abspath(f)),
                 '-fchecking', '-w'] + r.choice(sets)
        kind, out = compile_one(a.cc, flags, path, a.timeout)
        if kind in ('crash', 'hang'):
            # Without the plugin (but with its macro): GCC's own bug?
            plain = [x for x in flags if not x.startswith('-fplugin')] + ['-D__CPC__=1']
            k2, _ = compile_one(a.cc, plain, path, a.timeout)
            if k2 in ('crash', 'hang'):
                kind = 'gcc-' + kind
            else:
                d = os.path.join(a.findings, 'mutant-%s-%d-%d' % (kind, a.seed, k))
                os.makedirs(d, exist_ok=True)
                shutil.copy(path, os.path.join(d, 'prog.c'))
                with open(os.path.join(d, 'README'), 'w') as fh:
                    fh.write('kind: mutant %s\nfrom: %s\nmutations: %s\ncommand: %s %s -c prog.c\n\n%s\n'
                             % (kind, f, what, a.cc, ' '.join(flags), out[-5000:]))
                with lock:
                    crashes.append('%s (from %s: %s): %s' % (d, os.path.basename(f), what,
                                                             (re.findall(r'internal compiler error: [^\n]*', out) or [kind])[0]))
        os.unlink(path)
        with lock:
            counts[kind] = counts.get(kind, 0) + 1

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        list(ex.map(job, range(a.n)))
    shutil.rmtree(tmp, ignore_errors=True)
    print('cpc mutate: %d mutants of %d files (seed %d): %s' % (
        a.n, len(srcs), a.seed, ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
    for c in crashes:
        print('CRASH: ' + c)
    return 1 if crashes else 0


if __name__ == '__main__':
    sys.exit(main())
