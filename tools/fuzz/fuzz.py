#!/usr/bin/env python3
# cpc differential fuzzer: the driver.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: GPL-3.0-or-later
#
# For each generated program (our generator, gen.py, or csmith rewritten by
# csmith2cpc.py) and each option set of the torture list, build it twice:
#   cpc:   gcc -fplugin=cpc.so -I<src>/runtime OPTS prog.c libcpc.a
#   plain: gcc -I<src>/testsuite/lib/plain OPTS prog.c
# run both with a timeout and compare their outputs.  A difference, a crash
# or timeout of the cpc program, an internal compiler error, a compiler hang
# or a rejection of a valid program by the plugin is a finding: the program
# is saved under --findings with the command lines, the outputs and an
# interestingness script for cvise (run with --reduce).
#
# Exit status: 0 when there was no finding, 1 otherwise.

import argparse
import concurrent.futures
import hashlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen as owngen          # noqa: E402
import csmith2cpc             # noqa: E402

TORTURE = ['-O0', '-O0 -g', '-O1', '-O1 -g', '-O2', '-O2 -g', '-O3', '-O3 -g',
           '-Os', '-Os -g', '-Og', '-Og -g', '-O2 -flto', '-O2 -fexceptions']
QUICK = ['-O0', '-O2', '-O3 -g', '-O2 -flto', '-Og', '-O2 -fexceptions']

lock = threading.Lock()


def run(cmd, timeout, cwd=None):
    """(status, stdout+stderr text, timed_out).  Negative status: signal."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=dict(os.environ, LC_ALL='C'))
        return p.returncode, p.stdout.decode('utf-8', 'replace'), False
    except subprocess.TimeoutExpired as e:
        out = e.output.decode('utf-8', 'replace') if e.output else ''
        return None, out, True


# Cross-testing: the target's programs run through this wrapper
# ("qemu-s390x -L /usr/s390x-linux-gnu"; cpc.exp exports it), with five
# times the run timeout, as in the testsuite.
RUN_WRAPPER = shlex.split(os.environ.get('CPC_RUN', ''))


def run_exe(exe, timeout):
    try:
        p = subprocess.run(RUN_WRAPPER + [exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace'), False
    except subprocess.TimeoutExpired:
        return None, '', '', True


def ice_signature(text):
    """A short, stable name for an internal compiler error."""
    m = re.search(r'internal compiler error: ([^\n]*)', text)
    what = m.group(1).strip() if m else 'crash'
    what = re.sub(r'^in ([\w:~<>]+), at .*', r'\1', what)
    frames = re.findall(r'^0x[0-9a-f]+ ([\w:~<>()*, ]+?)\s*\n\s*(\S+plugin/[\w.]+:\d+)', text, re.M)
    if not frames:
        frames = re.findall(r'^0x[0-9a-f]+ ([\w:~<>]+)', text, re.M)
        frames = [(f, '') for f in frames if f != '???'][:1]
    loc = ''
    if frames:
        fn, where = frames[0]
        loc = ' %s %s' % (fn.split('(')[0], os.path.basename(where))
    return (what + loc).strip()


class Config:
    def __init__(self, a):
        self.src = os.path.abspath(a.srcdir)
        self.build = os.path.abspath(a.builddir)
        self.cc = a.cc
        self.plugin = a.plugin or os.path.join(self.build, 'plugin', 'cpc.so')
        self.lib = a.libcpc or os.path.join(self.build, 'runtime', '.libs', 'libcpc.a')
        self.inc = os.path.join(self.src, 'runtime')
        self.plain_inc = os.path.join(self.src, 'testsuite', 'lib', 'plain')
        self.csmith_inc = os.path.join(HERE, 'csmith')
        self.findings = os.path.abspath(a.findings)
        self.ctimeout = a.compile_timeout
        self.rtimeout = a.run_timeout * (5 if RUN_WRAPPER else 1)
        self.bugdir = a.plugin_bugs
        for f in (self.plugin, self.lib):
            if not os.path.exists(f):
                sys.exit('fuzz.py: %s not found: build cpc first (--builddir)' % f)

    def cpc_cmd(self, src, exe, opts):
        return ([self.cc, '-fplugin=' + self.plugin, '-I' + self.inc, '-I' + self.csmith_inc,
                 '-w'] + opts.split() + [src, '-o', exe, self.lib])

    def plain_cmd(self, src, exe, opts):
        return ([self.cc, '-I' + self.plain_inc, '-I' + self.csmith_inc, '-w'] + opts.split()
                + [src, '-o', exe])


class Stats:
    def __init__(self):
        self.by = {}             # (generator, opts) -> {kind: n}
        self.programs = {}       # generator -> n
        self.sigs = {}           # finding signature -> count
        self.saved = []

    def add(self, g, opts, kind):
        with lock:
            d = self.by.setdefault((g, opts), {})
            d[kind] = d.get(kind, 0) + 1


DISABLE = []


def make_program(gname, seed, workdir, cfg):
    """Write the program for SEED; returns its path, or None."""
    path = os.path.join(workdir, '%s-%d.c' % (gname, seed))
    if gname == 'own':
        src = owngen.Gen(seed, disable=DISABLE).generate()
    elif gname == 'csmith':
        st, out, to = run(['csmith', '--seed', str(seed)] + csmith2cpc.CSMITH_FLAGS, 60)
        if st != 0:
            return None
        src = csmith2cpc.rewrite(out, seed)
    else:
        raise ValueError(gname)
    with open(path, 'w') as fh:
        fh.write(src)
    return path


def save_finding(cfg, stats, gname, seed, opts, kind, sig, src, details):
    key = '%s: %s' % (kind, sig)
    with lock:
        n = stats.sigs.get(key, 0)
        stats.sigs[key] = n + 1
        if n >= 3:              # enough reproducers of this one
            return None
    slug = re.sub(r'[^A-Za-z0-9]+', '', opts.replace(' ', '_')) or 'none'
    d = os.path.join(cfg.findings, '%s-%s-%d-%s' % (kind, gname, seed, slug))
    os.makedirs(d, exist_ok=True)
    shutil.copy(src, os.path.join(d, 'prog.c'))
    with open(os.path.join(d, 'README'), 'w') as fh:
        fh.write('kind: %s\nsignature: %s\ngenerator: %s seed %d\noptions: %s\n\n%s\n'
                 % (kind, sig, gname, seed, opts, details))
    write_interesting(cfg, d, kind, sig, opts)
    with lock:
        stats.saved.append(d)
    return d


def write_interesting(cfg, d, kind, sig, opts):
    """An interestingness test for cvise: exit 0 while the finding persists."""
    q = lambda l: ' '.join("'%s'" % x for x in l)
    cpc = q(cfg.cpc_cmd('prog.c', 'cpc.exe', opts))
    plain = q(cfg.plain_cmd('prog.c', 'plain.exe', opts))
    lines = ['#!/bin/bash', '# cvise interestingness test (%s: %s)' % (kind, sig),
             'ulimit -t 120']
    run = ' '.join(shlex.quote(x) for x in RUN_WRAPPER) + ' ' if RUN_WRAPPER else ''
    rt = 10 * (5 if RUN_WRAPPER else 1)
    if kind in ('ice', 'compiler-hang', 'reject'):
        # The program must stay valid C: the plain build compiles cleanly.
        lines.append('%s -Werror=implicit-function-declaration -Werror=return-type '
                     '-Werror=int-conversion -Werror=incompatible-pointer-types >/dev/null 2>&1 || exit 1' % plain)
        if kind == 'ice':
            pat = sig.split(' ')[-2] if ' ' in sig else sig
            lines.append('%s 2>&1 | grep -qF %s' % (cpc, "'%s'" % pat))
        elif kind == 'compiler-hang':
            lines.append('timeout %d %s >/dev/null 2>&1; test $? -eq 124' % (cfg.ctimeout, cpc))
        else:
            lines.append("%s 2>&1 | grep -qF '%s'" % (cpc, sig.replace("'", '')))
    else:
        # A run-time finding: the plain program must be free of undefined
        # behaviour (UBSan, no recovery) and finish; the cpc one must differ.
        ub = q(cfg.plain_cmd('prog.c', 'ub.exe', opts.replace('-flto', '')) +
               ['-fsanitize=undefined', '-fno-sanitize-recover=all'])
        lines += ['%s -Wall -Werror=uninitialized -Werror=maybe-uninitialized '
                  '-Werror=implicit-function-declaration -Werror=return-type >/dev/null 2>&1 || exit 1' % plain,
                  '%s >/dev/null 2>&1 || exit 1' % ub,
                  'timeout %d %s./ub.exe >ub.out 2>&1 || exit 1' % (rt, run),
                  'timeout %d %s./plain.exe >plain.out 2>/dev/null || exit 1' % (rt, run),
                  '%s >/dev/null 2>&1 || exit 1' % cpc,
                  'timeout %d %s./cpc.exe >cpc.out 2>/dev/null' % (rt, run),
                  'st=$?']
        if kind == 'mismatch':
            lines.append('test $st -eq 0 && ! cmp -s plain.out cpc.out')
        elif kind == 'timeout':
            lines.append('test $st -eq 124')
        else:
            lines.append('test $st -ne 0 -a $st -ne 124')
    p = os.path.join(d, 'interesting.sh')
    with open(p, 'w') as fh:
        fh.write('\n'.join(lines) + '\n')
    os.chmod(p, 0o755)


def test_one(cfg, stats, gname, seed, opts, src, tmp):
    """Build and compare one program under one option set: returns the kind."""
    base = os.path.join(tmp, '%s-%d-%s' % (gname, seed, hashlib.md5(opts.encode()).hexdigest()[:6]))
    pexe, cexe = base + '-plain.exe', base + '-cpc.exe'
    st, out, to = run(cfg.plain_cmd(src, pexe, opts), cfg.ctimeout)
    if to or st != 0:
        return 'gen-invalid', out
    pst, pout, perr, pto = run_exe(pexe, cfg.rtimeout)
    if pto or pst != 0:
        return 'gen-invalid', 'plain run status %s' % pst
    t0 = time.time()
    st, out, to = run(cfg.cpc_cmd(src, cexe, opts), cfg.ctimeout)
    details = 'cpc command: %s\nplain command: %s\n' % (
        ' '.join(cfg.cpc_cmd('prog.c', 'cpc.exe', opts)), ' '.join(cfg.plain_cmd('prog.c', 'plain.exe', opts)))
    try:
        if to:
            kind, sig = 'compiler-hang', 'no result after %ds' % cfg.ctimeout
        elif st != 0 or not os.path.exists(cexe):
            if 'internal compiler error' in out or (st is not None and st < 0) or 'terminated signal' in out:
                kind, sig = 'ice', ice_signature(out)
            else:
                m = re.search(r'error: ([^\n]*)', out)
                kind, sig = 'reject', re.sub(r"'[^']*'", "'X'", m.group(1) if m else 'link failure')
            details += '\ncompiler output:\n' + out[-6000:]
        else:
            cst, cout, cerr, cto = run_exe(cexe, cfg.rtimeout)
            if cto:
                kind, sig = 'timeout', 'cpc program ran over %ds' % cfg.rtimeout
            elif cst != 0:
                kind, sig = 'crash', 'status %d: %s' % (cst, cerr.strip().split('\n')[-1][:100] if cerr.strip() else '')
                details += '\nstderr:\n' + cerr[-3000:]
            elif cout != pout:
                kind, sig = 'mismatch', 'output differs'
                details += '\nplain output:\n%s\ncpc output:\n%s' % (pout[-3000:], cout[-3000:])
            else:
                return 'pass', ''
        save_finding(cfg, stats, gname, seed, opts, kind, sig, src, details)
        return kind, sig
    finally:
        for f in (pexe, cexe):
            if os.path.exists(f):
                os.unlink(f)


def reduce_finding(d, minutes):
    if not shutil.which('cvise'):
        print('fuzz.py: cvise not installed (apt-get install cvise): not reducing %s' % d)
        return
    work = os.path.join(d, 'reduce')
    os.makedirs(work, exist_ok=True)
    shutil.copy(os.path.join(d, 'prog.c'), work)
    shutil.copy(os.path.join(d, 'interesting.sh'), work)
    if subprocess.run(['./interesting.sh'], cwd=work, stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode != 0:
        print('fuzz.py: %s: not reproducible by interesting.sh, not reduced' % d)
        return
    run(['cvise', '--n', str(max(1, os.cpu_count() or 1)), './interesting.sh', 'prog.c'],
        minutes * 60, cwd=work)
    shutil.copy(os.path.join(work, 'prog.c'), os.path.join(d, 'reduced.c'))
    print('fuzz.py: reduced %s -> %s/reduced.c' % (d, d))


def main():
    ap = argparse.ArgumentParser(description='cpc differential fuzzer')
    ap.add_argument('-n', type=int, default=20, help='programs per generator')
    ap.add_argument('--seed', type=int, default=1, help='first seed')
    ap.add_argument('--gen', default='own', help='own, csmith or own,csmith')
    ap.add_argument('--opts', default='all',
                    help='all (the torture list), quick, or option sets separated by ";"')
    ap.add_argument('--srcdir', default=os.path.join(HERE, '..', '..'))
    ap.add_argument('--builddir', default=None, help='default: srcdir')
    ap.add_argument('--plugin', help='cpc.so (default: BUILDDIR/plugin/cpc.so)')
    ap.add_argument('--libcpc', help='libcpc.a (default: BUILDDIR/runtime/.libs/libcpc.a)')
    ap.add_argument('--cc', default='gcc')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--findings', default=os.path.join(HERE, 'findings'))
    ap.add_argument('--plugin-bugs', default='/tmp/plugin-bugs')
    ap.add_argument('--compile-timeout', type=int, default=120)
    ap.add_argument('--run-timeout', type=int, default=20)
    ap.add_argument('--reduce', action='store_true', help='reduce new findings with cvise')
    ap.add_argument('--reduce-minutes', type=int, default=20)
    ap.add_argument('--time-limit', type=float, default=0,
                    help='stop starting new programs after this many seconds')
    ap.add_argument('--disable', default='',
                    help='generator features to leave out (gen.py --disable)')
    ap.add_argument('--progress', type=int, default=0, metavar='K',
                    help='print a progress line every K programs')
    ap.add_argument('-q', '--quiet', action='store_true')
    a = ap.parse_args()
    DISABLE[:] = [d for d in a.disable.split(',') if d]
    if a.builddir is None:
        a.builddir = a.srcdir
    cfg = Config(a)
    if a.opts == 'all':
        sets = TORTURE
    elif a.opts == 'quick':
        sets = QUICK
    else:
        sets = [s.strip() for s in a.opts.split(';') if s.strip()]
    gens = [g for g in a.gen.split(',') if g]
    if 'csmith' in gens and not shutil.which('csmith'):
        print('fuzz.py: csmith not installed (apt-get install csmith): skipping it')
        gens.remove('csmith')
    stats = Stats()
    tmp = tempfile.mkdtemp(prefix='cpc-fuzz-')
    t_start = time.time()
    findings = []

    def one_program(gname, seed):
        if a.time_limit and time.time() - t_start > a.time_limit:
            return None
        src = make_program(gname, seed, tmp, cfg)
        if src is None:
            return None
        res = []
        for opts in sets:
            kind, sig = test_one(cfg, stats, gname, seed, opts, src, tmp)
            stats.add(gname, opts, kind)
            res.append((opts, kind, sig))
            if kind not in ('pass', 'gen-invalid') and not a.quiet:
                print('FINDING %s seed %d [%s]: %s %s' % (gname, seed, opts, kind, sig), flush=True)
        os.unlink(src)
        with lock:
            stats.programs[gname] = stats.programs.get(gname, 0) + 1
        return res

    jobs = [(g, a.seed + i) for i in range(a.n) for g in gens]
    stop = threading.Event()

    def guarded(j):
        if stop.is_set():
            return None
        return one_program(*j)

    # SIGTERM (and SIGINT, which background jobs ignore) stop the run and
    # still print the report.
    def on_signal(sig, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)
    ex = concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs)
    try:
        done = 0
        for _ in ex.map(guarded, jobs):
            done += 1
            if a.progress and done % a.progress == 0:
                print('progress: %d/%d programs, %.0f s' % (done, len(jobs), time.time() - t_start),
                      flush=True)
    except KeyboardInterrupt:
        # Ctrl-C (or kill -INT): finish the programs under way, then report.
        print('fuzz.py: interrupted, reporting what ran', flush=True)
        stop.set()
    ex.shutdown(wait=True)
    shutil.rmtree(tmp, ignore_errors=True)

    # Report.
    kinds = ['pass', 'mismatch', 'crash', 'timeout', 'ice', 'compiler-hang', 'reject', 'gen-invalid']
    print('cpc fuzz: %s; seeds %d..%d; %.0f s' % (
        ', '.join('%s %d programs' % (g, stats.programs.get(g, 0)) for g in gens),
        a.seed, a.seed + a.n - 1, time.time() - t_start))
    print('%-10s %-18s ' % ('generator', 'options') + ' '.join('%8s' % k[:8] for k in kinds))
    total = {}
    for (g, opts), d in sorted(stats.by.items()):
        print('%-10s %-18s ' % (g, opts) + ' '.join('%8d' % d.get(k, 0) for k in kinds))
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    print('%-10s %-18s ' % ('total', '') + ' '.join('%8d' % total.get(k, 0) for k in kinds))
    bad = sum(v for k, v in total.items() if k not in ('pass', 'gen-invalid'))
    if stats.sigs:
        print('distinct findings:')
        for k, v in sorted(stats.sigs.items()):
            print('  %5d  %s' % (v, k))
    if stats.saved:
        print('saved under %s:' % cfg.findings)
        for d in stats.saved:
            print('  ' + os.path.basename(d))
        if a.reduce:
            for d in stats.saved:
                reduce_finding(d, a.reduce_minutes)
    print('%d builds compared, %d findings' % (sum(total.values()), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
