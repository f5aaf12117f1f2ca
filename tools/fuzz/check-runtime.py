#!/usr/bin/env python3
# cpc runtime hardening: the run tests under sanitizers or valgrind.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-runtime.py --mode sanitize   -fsanitize=address,undefined, no
#       recovery, leak detection on; libcpc rebuilt with the same flags
#       (its sources and how they are compiled come from runtime/Makefile.am:
#       the core as plain C with -DCPC_BUILDING_RUNTIME, the coroutine part
#       with the plugin).
#   check-runtime.py --mode valgrind   valgrind memcheck, --leak-check=full,
#       any error or definite/indirect leak fails; libcpc as built.
#
# The programs: every run test of the testsuite (cpc.torture, cpc.diff,
# cpc.fuzz-regress, cpc.sched (not the tests that must abort), the "badinput: run" files of cpc.badinput, examples/
# hello.c) and a few generated fuzz programs, at -O0 and -O2.  dg-options
# and dg-additional-sources lines are honoured.  Exit status 0 when every
# program built and ran cleanly.

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
SAN = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-fno-omit-frame-pointer']


def sh(cmd, timeout=600, env=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                           env=env)
        return p.returncode, p.stdout.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return 124, 'timeout after %ds' % timeout


def am_sources(makefile_am, var):
    with open(makefile_am) as fh:
        text = fh.read().replace('\\\n', ' ')
    m = re.search(r'^%s\s*=\s*(.*)$' % re.escape(var), text, re.M)
    return [s for s in (m.group(1).split() if m else []) if s.endswith('.c')]


def build_runtime(a, tmp):
    """A sanitized libcpc.a in TMP."""
    rt = os.path.join(a.srcdir, 'runtime')
    mf = os.path.join(rt, 'Makefile.am')
    objs = []
    for var, extra in (('libcpc_core_la_SOURCES', ['-DCPC_BUILDING_RUNTIME']),
                       ('libcpc_coro_la_SOURCES', ['-fplugin=' + a.plugin])):
        for s in am_sources(mf, var):
            o = os.path.join(tmp, 'rt-' + s.replace('.c', '.o'))
            st, out = sh([a.cc, '-O1', '-g', '-fms-extensions', '-I' + rt, '-I' + os.path.join(a.builddir, 'runtime')]
                         + SAN + extra + ['-c', os.path.join(rt, s), '-o', o])
            if st != 0:
                sys.exit('check-runtime.py: building %s failed:\n%s' % (s, out))
            objs.append(o)
    lib = os.path.join(tmp, 'libcpc-san.a')
    st, out = sh(['ar', 'rcs', lib] + objs)
    if st != 0:
        sys.exit('check-runtime.py: ar failed: ' + out)
    return lib


def run_tests(a):
    ts = os.path.join(a.srcdir, 'testsuite')
    files = []
    for d in ('cpc.torture', 'cpc.diff', 'cpc.fuzz-regress', 'cpc.sched'):
        files += sorted(glob.glob(os.path.join(ts, d, '*.c')))
    for f in sorted(glob.glob(os.path.join(ts, 'cpc.badinput', '*.c'))):
        with open(f) as fh:
            if 'badinput: run' in fh.read():
                files.append(f)
    files.append(os.path.join(a.srcdir, 'examples', 'hello.c'))
    res = []
    aux = set()
    for f in files:
        with open(f) as fh:
            t = fh.read()
        for m in re.finditer(r'dg-additional-sources\s+"([^"]*)"', t):
            aux.update(os.path.join(os.path.dirname(f), x) for x in m.group(1).split())
    for f in files:
        if f in aux:
            continue
        with open(f) as fh:
            t = fh.read()
        if re.search(r'dg-do (compile|assemble|link)', t) or 'dg-error' in t \
                or 'dg-output' in t or 'dg-shouldfail' in t or 'dg-skip' in t:
            continue
        opts = []
        for m in re.finditer(r'dg-options\s+"([^"]*)"', t):
            opts += m.group(1).split()
        extra = []
        for m in re.finditer(r'dg-additional-sources\s+"([^"]*)"', t):
            extra += [os.path.join(os.path.dirname(f), x) for x in m.group(1).split()]
        res.append((f, opts, extra))
    return res


def main():
    ap = argparse.ArgumentParser(description='cpc run tests under sanitizers / valgrind')
    ap.add_argument('--mode', choices=['sanitize', 'valgrind'], required=True)
    ap.add_argument('--srcdir', default=os.path.join(HERE, '..', '..'))
    ap.add_argument('--builddir', default=None)
    ap.add_argument('--cc', default='gcc')
    ap.add_argument('--opts', default='-O0;-O2')
    ap.add_argument('--fuzz', type=int, default=10, help='generated programs (gen.py) too')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    a.srcdir = os.path.abspath(a.srcdir)
    a.builddir = os.path.abspath(a.builddir or a.srcdir)
    a.plugin = os.path.join(a.builddir, 'plugin', 'cpc.so')
    if a.mode == 'valgrind' and not shutil.which('valgrind'):
        print('check-runtime.py: valgrind not installed (apt-get install valgrind)')
        return 77
    tmp = tempfile.mkdtemp(prefix='cpc-%s-' % a.mode)
    if a.mode == 'sanitize':
        lib, flags = build_runtime(a, tmp), SAN
    else:
        lib, flags = os.path.join(a.builddir, 'runtime', '.libs', 'libcpc.a'), ['-g']
    tests = run_tests(a)
    if a.fuzz:
        sys.path.insert(0, HERE)
        import gen
        for i in range(a.fuzz):
            p = os.path.join(tmp, 'gen-%d.c' % (i + 1))
            with open(p, 'w') as fh:
                fh.write(gen.Gen(i + 1).generate())
            tests.append((p, [], []))
    sets = [s.split() for s in a.opts.split(';') if s.strip()]
    lock = threading.Lock()
    fails, n, skipped = [], [0], []
    env = dict(os.environ, ASAN_OPTIONS='detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1',
               UBSAN_OPTIONS='print_stacktrace=1')

    def job(item):
        (f, opts, extra), o = item
        exe = os.path.join(tmp, '%s-%s.exe' % (os.path.basename(f)[:-2], ''.join(o).strip('-')))
        cmd = ([a.cc, '-fplugin=' + a.plugin, '-I' + os.path.join(a.srcdir, 'runtime'), '-w']
               + o + flags + opts + [f] + extra + ['-o', exe, lib])
        if '-pthread' in opts:
            cmd.append('-pthread')
        st, out = sh(cmd)
        name = '%s %s' % (os.path.relpath(f, a.srcdir) if f.startswith(a.srcdir) else os.path.basename(f),
                          ' '.join(o))
        if st != 0 and ('cpc.badinput' in f and 'internal compiler error' not in out
                        and re.search(r':\d+(:\d+)?: error: ', out)):
            with lock:
                skipped.append(name)   # a bad input the plugin now diagnoses
            return
        if st != 0 and re.search(r'fatal error: [\w/.+-]+\.h: No such file', out):
            with lock:
                skipped.append(name)   # an optional library (glib...) is missing
            return
        if st != 0:
            with lock:
                fails.append('%s: build failed\n%s' % (name, out[-2000:]))
            return
        if a.mode == 'valgrind':
            # --max-stackframe: 1 MiB structs by value move the stack
            # pointer by more than valgrind's 2 MB "stack switch" guess.
            st, out = sh(['valgrind', '-q', '--error-exitcode=99', '--leak-check=full',
                          '--max-stackframe=16777216',
                          '--errors-for-leak-kinds=definite,indirect', exe], timeout=300)
        else:
            st, out = sh([exe], timeout=120, env=env)
        os.unlink(exe)
        with lock:
            n[0] += 1
            if st != 0:
                fails.append('%s: status %d\n%s' % (name, st, out[-3000:]))

    items = [(t, o) for t in tests for o in sets]
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        list(ex.map(job, items))
    shutil.rmtree(tmp, ignore_errors=True)
    for f in fails:
        print('FAIL: ' + f)
    print('check-runtime (%s): %d programs x %d option sets: %d ran cleanly, %d failed, '
          '%d skipped (missing optional headers, diagnosed bad input)'
          % (a.mode, len(tests), len(sets), n[0] - len([f for f in fails if 'status' in f]),
             len(fails), len(skipped)))
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
