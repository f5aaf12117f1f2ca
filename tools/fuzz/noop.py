#!/usr/bin/env python3
# cpc no-op check: on code without coroutine_fn the plugin changes nothing.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: GPL-3.0-or-later
#
# Each C file is compiled to an object twice, with the same options, with
# and without -fplugin=cpc.so, and the two objects are compared section by
# section (ELF): every section's bytes must be equal (code, data, read-only
# data, relocations, symbols, and debug information, for which
# -gno-record-gcc-switches keeps the plugin's own option out of
# DW_AT_producer).  Options with -flto are not used: the LTO option
# section records -fplugin= by design.
#
# Corpus: --gen N programs from gen.py --plain (no coroutine_fn, no
# <cpc.h>), --csmith N csmith programs (with csmith's checksum helpers from
# csmith/cpc-csmith.h compiled as plain C), and any FILE arguments
# (e.g. runtime/*.c, or a large code base: see --wrap).
#
# --wrap: act as a compiler wrapper, CC="noop.py --wrap --plugin ... --log L":
# compiles as asked (without the plugin), then compiles again with the
# plugin and compares; appends a line per object to the log.  Build any
# package with it (./configure CC=...; make) to check a real code base.
#
# Exit status 0 when every comparison was identical (and the compiler
# never failed with the plugin where it succeeded without).

import argparse
import concurrent.futures
import os
import shlex
import struct
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OPTS = ['-O0', '-O2', '-O3 -g', '-Os -g3', '-Og -g', '-O2 -fPIC -fexceptions']


def elf_sections(path):
    """{name: (type, flags, bytes-or-size)} of an ELF file: 32- or 64-bit,
    little- or big-endian (the cross targets: i686, s390x, ...)."""
    with open(path, 'rb') as fh:
        data = fh.read()
    if data[:4] != b'\x7fELF' or data[4] not in (1, 2) or data[5] not in (1, 2):
        raise ValueError('%s: not an ELF object' % path)
    e = '<' if data[5] == 1 else '>'
    if data[4] == 2:    # ELFCLASS64
        shoff, = struct.unpack_from(e + 'Q', data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from(e + 'HHH', data, 0x3A)
        shdr = e + 'IIQQQQ'
    else:               # ELFCLASS32
        shoff, = struct.unpack_from(e + 'I', data, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from(e + 'HHH', data, 0x2E)
        shdr = e + 'IIIIII'
    hdrs = []
    for i in range(shnum):
        name, typ, flags, addr, off, size = struct.unpack_from(shdr, data, shoff + i * shentsize)
        hdrs.append((name, typ, flags, off, size))
    stroff, strsize = hdrs[shstrndx][3], hdrs[shstrndx][4]
    secs = {}
    for name, typ, flags, off, size in hdrs[1:]:
        end = data.index(b'\0', stroff + name)
        n = data[stroff + name:end].decode()
        body = size if typ == 8 else data[off:off + size]   # SHT_NOBITS: size
        if n in secs:
            n = '%s#%d' % (n, len(secs))
        secs[n] = (typ, flags, body)
    return secs


def compare_objects(a, b):
    """List of differing section names ([] when equivalent)."""
    sa, sb = elf_sections(a), elf_sections(b)
    diff = sorted(set(sa) ^ set(sb))
    for n in sorted(set(sa) & set(sb)):
        if sa[n] != sb[n]:
            diff.append(n)
    return diff


def with_gno_record(opts):
    if any(o.startswith('-g') and o != '-gno-record-gcc-switches' for o in opts):
        return opts + ['-gno-record-gcc-switches']
    return opts


def check_file(cc, plugin, src, opts, tmp, extra=()):
    """('identical'|'differ'|'ice'|'plugin-error'|'skip', detail)."""
    base = os.path.join(tmp, os.path.basename(src).replace('.', '_'))
    o = with_gno_record(opts.split() + list(extra))
    a, b = base + '-plain.o', base + '-cpc.o'
    p = subprocess.run([cc] + o + ['-w', '-c', src, '-o', a], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        return 'skip', 'does not compile without the plugin'
    p = subprocess.run([cc, '-fplugin=' + plugin] + o + ['-w', '-c', src, '-o', b],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        if p.returncode != 0:
            out = p.stdout.decode('utf-8', 'replace')
            kind = 'ice' if 'internal compiler error' in out or p.returncode < 0 else 'plugin-error'
            lines = [l for l in out.split('\n') if 'error' in l]
            return kind, (lines[0] if lines else out[-300:])
        d = compare_objects(a, b)
        return ('differ', ' '.join(d)) if d else ('identical', '')
    finally:
        for f in (a, b):
            if os.path.exists(f):
                os.unlink(f)


def wrap(argv):
    """Compiler wrapper mode."""
    ap = argparse.ArgumentParser(prog='noop.py --wrap')
    ap.add_argument('--plugin', required=True)
    ap.add_argument('--log', required=True)
    ap.add_argument('--cc', default='gcc')
    # Everything after "--" is the compiler command line.
    if '--' not in argv:
        sys.exit('noop.py --wrap: use --wrap --plugin P --log L -- ARGS...')
    i = argv.index('--')
    a = ap.parse_args(argv[:i])
    args = argv[i + 1:]
    rc = subprocess.run([a.cc] + args).returncode
    if rc != 0 or '-c' not in args:
        return rc
    srcs = [x for x in args if x.endswith('.c') and os.path.exists(x)]
    if len(srcs) != 1 or any(x in ('-E', '-S', '-M', '-MM', '-') for x in args):
        return rc
    src = srcs[0]
    if '-o' in args:
        out = args[args.index('-o') + 1]
    else:
        out = os.path.splitext(os.path.basename(src))[0] + '.o'
    if not os.path.exists(out):
        return rc
    rest = []
    skip = False
    for x in args:
        if skip:
            skip = False
            continue
        if x == '-o':
            skip = True
            continue
        if x == src or x.startswith(('-MD', '-MMD', '-MF', '-MT', '-MQ', '-MP', '-Wp,-MD', '-Wp,-MMD')):
            if x in ('-MF', '-MT', '-MQ'):
                skip = True
            continue
        rest.append(x)
    rest = with_gno_record(rest)
    with tempfile.TemporaryDirectory(prefix='cpc-noop-') as tmp:
        a_o, b_o = os.path.join(tmp, 'plain.o'), os.path.join(tmp, 'cpc.o')
        r1 = subprocess.run([a.cc] + rest + [src, '-o', a_o], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
        p = subprocess.run([a.cc, '-fplugin=' + a.plugin] + rest + [src, '-o', b_o],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r1 != 0:
            res = 'skip'
        elif p.returncode != 0:
            o = p.stdout.decode('utf-8', 'replace')
            res = 'ice' if 'internal compiler error' in o else 'plugin-error'
        else:
            d = compare_objects(a_o, b_o)
            res = 'differ ' + ' '.join(d) if d else 'identical'
    with open(a.log, 'a') as fh:
        fh.write('%s %s\n' % (res, os.path.abspath(src)))
    return rc


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--wrap':
        return wrap(sys.argv[2:])
    ap = argparse.ArgumentParser(description='cpc no-op check')
    ap.add_argument('files', nargs='*')
    ap.add_argument('--plugin', required=True, help='cpc.so')
    ap.add_argument('--cc', default='gcc')
    ap.add_argument('--gen', type=int, default=0, help='programs from gen.py --plain')
    ap.add_argument('--csmith', type=int, default=0, help='csmith programs')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--opts', default=';'.join(OPTS), help='option sets separated by ";"')
    ap.add_argument('--cflags', default='', help='extra flags for FILE arguments (e.g. -I...)')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    sets = [s.strip() for s in a.opts.split(';') if s.strip()]
    tmp = tempfile.mkdtemp(prefix='cpc-noop-')
    work = []   # (label, path, extra flags)
    if a.gen:
        import gen
        for i in range(a.gen):
            p = os.path.join(tmp, 'gen-plain-%d.c' % (a.seed + i))
            with open(p, 'w') as fh:
                fh.write(gen.Gen(a.seed + i, plain=True).generate())
            work.append(('gen', p, ()))
    if a.csmith:
        for i in range(a.csmith):
            p = os.path.join(tmp, 'csmith-%d.c' % (a.seed + i))
            r = subprocess.run(['csmith', '--seed', str(a.seed + i), '--no-float', '--quiet',
                                '--concise', '-o', p])
            if r.returncode == 0:
                # csmith's checksum helpers: our header, as plain C, with no cpc.
                with open(p) as fh:
                    s = fh.read().replace('#include "csmith.h"', '#include "cpc-csmith.h"')
                with open(p, 'w') as fh:
                    fh.write(s)
                work.append(('csmith', p, ('-I' + os.path.join(HERE, 'csmith'), '-DCSM_NO_CPC')))
    for f in a.files:
        work.append(('file', os.path.abspath(f), tuple(shlex.split(a.cflags))))
    lock = threading.Lock()
    counts = {}
    bad = []

    def job(item):
        label, path, extra = item
        res = []
        for o in sets:
            kind, detail = check_file(a.cc, a.plugin, path, o, tmp, extra)
            res.append((o, kind, detail))
            with lock:
                counts[(label, kind)] = counts.get((label, kind), 0) + 1
                if kind not in ('identical', 'skip'):
                    bad.append('%s [%s]: %s %s' % (path, o, kind, detail))
                if a.verbose:
                    print('%s %s [%s] %s' % (kind, os.path.basename(path), o, detail), flush=True)
        return res

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        list(ex.map(job, work))
    labels = sorted(set(l for l, _ in counts))
    print('cpc no-op check: %d files x %d option sets (%s)' % (len(work), len(sets), '; '.join(sets)))
    for l in labels:
        print('  %-7s ' % l + ', '.join('%s %d' % (k, counts[(l, k)])
                                         for (ll, k) in sorted(counts) if ll == l))
    for b in bad:
        print('NOT IDENTICAL: ' + b)
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
