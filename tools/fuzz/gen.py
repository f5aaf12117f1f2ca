#!/usr/bin/env python3
# cpc differential fuzzer: a generator of random coroutine programs.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints one C program, determined by --seed.  Every function is a
# coroutine_fn, and suspension points are everywhere: inside expressions
# (through suspending identity functions, comma expressions and statement
# expressions), in conditions of if/for/while/switch, inside loops and switch
# cases, between uses of address-taken locals, pointers to locals and struct
# fields passed down calls, struct, floating-point and complex temporaries,
# calls through coroutine_fn pointer tables, bounded recursion and deep call
# chains, functions with hundreds of live variables.
#
# The program is free of undefined behaviour (unsigned arithmetic, guarded
# division, shifts and float-to-integer conversions) and its output depends
# only on what each coroutine computes: each coroutine owns a context
# (checksum, fuel, suspension pseudo-random state) and the program prints
# the checksums per coroutine.  It therefore prints the same when compiled
# with the plugin (coroutines really suspend and are resumed in straight,
# reversed and random orders) and as plain C against
# testsuite/lib/plain/cpc.h (cpc_suspend is a no-op).
#
# With --plain the program contains no coroutine_fn at all and does not
# include <cpc.h>: a corpus for the no-op check (tools/fuzz/noop.py).

import argparse
import random
import sys


class T:
    """A C type: kind is int, flt, cplx, struct, arr or ptr."""

    def __init__(self, kind, c, signed=False, bits=0, elem=None, n=0, st=None):
        self.kind, self.c, self.signed, self.bits = kind, c, signed, bits
        self.elem, self.n, self.st = elem, n, st

    def decl(self, name):
        if self.kind == 'arr':
            return '%s %s[%d]' % (self.elem.c, name, self.n)
        if self.kind == 'ptr':
            return '%s *%s' % (self.elem.c, name)
        return '%s %s' % (self.c, name)


INTS = [T('int', c, s, b) for c, s, b in [
    ('int8_t', True, 8), ('uint8_t', False, 8), ('int16_t', True, 16),
    ('uint16_t', False, 16), ('int32_t', True, 32), ('uint32_t', False, 32),
    ('int64_t', True, 64), ('uint64_t', False, 64), ('_Bool', False, 1),
    ('char', True, 8), ('long', True, 64), ('unsigned', False, 32),
    ('unsigned __int128', False, 128)]]
FLTS = [T('flt', c) for c in ('float', 'double', 'long double')]
CPLX = [T('cplx', '_Complex double'), T('cplx', '_Complex float')]
U64 = INTS[7]
DBL = FLTS[1]


class Var:
    def __init__(self, name, t, volatile=False):
        self.name, self.t, self.volatile = name, t, volatile


class Struct:
    def __init__(self, name, fields):
        self.name, self.fields = name, fields   # fields: (name, T, bitwidth)
        self.t = T('struct', 'struct ' + name, st=self)


class Func:
    def __init__(self, idx, ret, params):
        self.idx, self.ret, self.params = idx, ret, params  # params: [(name, T)]
        self.name = 'f%d' % idx
        self.has_ptr = any(t.kind == 'ptr' for _, t in params)


PRELUDE = r'''
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

struct ctx
{
  uint64_t h;			/* checksum */
  long fuel;			/* calls left: bounds the work */
  uint64_t srng;		/* suspension decisions (never hashed) */
  int id, done;
};

static uint64_t
mix (uint64_t h, uint64_t v)
{
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0x100000001b3ULL;
}

static void H (struct ctx *cx, uint64_t v) { cx->h = mix (cx->h, v); }

static uint64_t
d2u (long double d)
{
  if (!(d > -9.0e18L && d < 9.0e18L))
    return d != d ? 7 : d > 0 ? 11 : 13;
  return (uint64_t) (int64_t) d;
}

static __attribute__ ((unused)) void
HD (struct ctx *cx, long double d)
{
  double x = (double) d;
  uint64_t v;
  if (x != x)
    v = 0x7ff8;
  else
    memcpy (&v, &x, sizeof v);
  H (cx, v);
}

static __attribute__ ((unused)) uint64_t udiv (uint64_t a, uint64_t b) { return b ? a / b : a; }
static __attribute__ ((unused)) uint64_t umod (uint64_t a, uint64_t b) { return b ? a % b : a; }
static __attribute__ ((unused)) double fdv (double a, double b) { return b != 0 ? a / b : a; }
'''

CORO_PRELUDE = r'''
coroutine_fn static __attribute__ ((unused)) uint64_t
su (struct ctx *cx, uint64_t v)
{
  cx->srng = cx->srng * 6364136223846793005ULL + 1442695040888963407ULL;
  if (cx->srng >> 62)
    cpc_suspend ();
  return v;
}

coroutine_fn static __attribute__ ((unused)) double
sud (struct ctx *cx, double v)
{
  cpc_suspend ();
  return v;
}
'''

PLAIN_PRELUDE = r'''
static __attribute__ ((unused)) uint64_t su (struct ctx *cx, uint64_t v) { cx->srng++; return v; }
static __attribute__ ((unused)) double sud (struct ctx *cx, double v) { return v; }
'''


class Gen:
    def __init__(self, seed, plain=False, size=1.0, disable=()):
        self.r = random.Random(seed)
        self.seed = seed
        self.plain = plain
        self.size = size
        self.out = []
        self.nid = 0
        self.structs = []
        self.funcs = []
        self.ftab = []          # indices of functions with the table signature
        r = self.r
        # Features are switched on per program, so that programs differ in
        # character and a reproducer exercises few of them.
        self.feat = {k: r.random() < p for k, p in [
            ('float', 0.7), ('ldouble', 0.4), ('cplx', 0.3), ('int128', 0.3),
            ('struct', 0.8), ('ptr', 0.8), ('fptr', 0.6), ('stmtexpr', 0.6),
            ('switch', 0.7), ('goto', 0.4), ('volatile', 0.3), ('deep', 0.4),
            ('manyvars', 0.25), ('bitfield', 0.5), ('builtin', 0.4),
            ('nested_enter', 0.2), ('array', 0.7), ('fallthrough', 0.5)]}
        # --disable: features to leave out (e.g. one with an open bug).
        for k in disable:
            if k not in self.feat:
                raise SystemExit('gen.py: unknown feature %s (known: %s)'
                                 % (k, ' '.join(sorted(self.feat))))
            self.feat[k] = False
        self.fuel = r.choice([200, 1000, 3000])
        self.ncoro = r.choice([1, 2, 3, 5, 8])

    # -- names and helpers ------------------------------------------------
    def fresh(self, p):
        self.nid += 1
        return '%s%d' % (p, self.nid)

    def emit(self, s, ind):
        self.out.append('  ' * ind + s)

    def coin(self, p):
        return self.r.random() < p

    def SUS(self):
        return '' if self.plain else 'coroutine_fn '

    def suspend(self):
        return '(void) su (cx, 0)' if self.plain else 'cpc_suspend ()'

    def int_types(self):
        return [t for t in INTS if self.feat['int128'] or t.bits != 128]

    def scalar_type(self):
        r = self.r
        ch = r.random()
        if ch < 0.2 and self.feat['float']:
            fl = FLTS if self.feat['ldouble'] else FLTS[:2]
            return r.choice(fl)
        if ch < 0.25 and self.feat['cplx']:
            return r.choice(CPLX)
        return r.choice(self.int_types())

    # -- structs ----------------------------------------------------------
    def gen_structs(self):
        if not self.feat['struct']:
            return
        for i in range(self.r.randint(1, 3)):
            fields = []
            for j in range(self.r.randint(1, 6)):
                fn = 'm%d' % j
                if self.feat['bitfield'] and self.coin(0.2):
                    fields.append((fn, self.r.choice([INTS[4], INTS[5]]), self.r.randint(1, 31)))
                elif self.feat['array'] and self.coin(0.15):
                    fields.append((fn, T('arr', '', elem=self.r.choice(self.int_types()[:8]),
                                         n=self.r.choice([2, 4, 8])), 0))
                elif self.structs and self.coin(0.15):
                    fields.append((fn, self.r.choice(self.structs).t, 0))
                else:
                    t = self.scalar_type()
                    fields.append((fn, t, 0))
            if self.coin(0.1):   # a large struct
                fields.append(('big', T('arr', '', elem=INTS[5], n=self.r.choice([64, 256])), 0))
            st = Struct('S%d' % i, fields)
            self.structs.append(st)
            self.out.append('struct %s\n{' % st.name)
            for fn, t, bw in fields:
                if bw:
                    self.out.append('  %s %s : %d;' % (t.c, fn, bw))
                else:
                    self.out.append('  %s;' % t.decl(fn))
            self.out.append('};\n')

    def scalar_paths(self, st, base, depth=0):
        """(expression, T, assignable-by-address) for every scalar field."""
        res = []
        for fn, t, bw in st.fields:
            p = '%s.%s' % (base, fn)
            if t.kind == 'struct':
                if depth < 2:
                    res += self.scalar_paths(t.st, p, depth + 1)
            elif t.kind == 'arr':
                res.append(('%s[%d]' % (p, self.r.randrange(t.n)), t.elem, True))
            else:
                res.append((p, t, bw == 0))
        return res

    # -- expressions --------------------------------------------------------
    def const(self):
        r = self.r
        # Always uint64_t: "1 << n" on an int would be undefined.
        return r.choice(['0ULL', '1ULL', '2ULL', '3ULL', '7ULL', '0xffULL', '0x80000000ULL',
                         '0xffffffffffffffffULL', '%dULL' % r.randrange(1000),
                         '0x%xULL' % r.getrandbits(64)])

    def to_u64(self, e, t):
        if t.kind == 'int':
            return '(uint64_t) (%s)' % e
        if t.kind == 'flt':
            return 'd2u (%s)' % e
        if t.kind == 'cplx':
            return 'd2u (__real__ (%s) + 3 * __imag__ (%s))' % (e, e)
        raise ValueError(t.kind)

    def readable(self, env):
        """Every scalar l-value readable in ENV: (expr, T)."""
        res = []
        for v in env:
            t = v.t
            if t.kind in ('int', 'flt', 'cplx'):
                res.append((v.name, t))
            elif t.kind == 'struct':
                for p, ft, _ in self.scalar_paths(t.st, v.name):
                    res.append((p, ft))
            elif t.kind == 'arr':
                res.append(('%s[%d]' % (v.name, self.r.randrange(t.n)), t.elem))
            elif t.kind == 'ptr':
                res.append(('*' + v.name, t.elem))
        return res

    def callable(self, f, want):
        """Functions F may call in an expression, returning kind WANT."""
        res = []
        for g in self.funcs:
            if g.has_ptr or g.ret is None:
                continue
            if want == 'int' and g.ret.kind not in ('int', 'flt', 'struct'):
                continue
            if want == 'flt' and g.ret.kind != 'flt':
                continue
            if want == 'struct' and g.ret.kind != 'struct':
                continue
            res.append(g)
        return res

    def call_args(self, f, g, env, d):
        depth = 'depth' if g.idx > f.idx else 'depth - 1'
        args = ['cx', depth]
        for pn, pt in g.params:
            args.append(self.expr_of(pt, env, f, d))
        return '%s (%s)' % (g.name, ', '.join(args))

    def expr_of(self, t, env, f, d):
        if t.kind == 'int':
            e = self.iexpr(env, f, d)
            return '(%s) (%s)' % (t.c, e) if t.bits != 1 else '((%s) != 0)' % e
        if t.kind == 'flt':
            return '(%s) (%s)' % (t.c, self.dexpr(env, f, d))
        if t.kind == 'cplx':
            return '(%s) ((%s) + (%s) * 1.0i)' % (t.c, self.dexpr(env, f, d), self.dexpr(env, f, d + 1))
        if t.kind == 'struct':
            return self.sexpr(t.st, env, f, d)
        raise ValueError(t.kind)

    def iexpr(self, env, f, d=0):
        r = self.r
        if d > 4 or self.coin(0.2 + 0.12 * d):
            rd = self.readable(env)
            if rd and self.coin(0.75):
                e, t = r.choice(rd)
                return self.to_u64(e, t)
            return self.const()
        d += 1
        k = r.random()
        if k < 0.30:
            op = r.choice(['+', '-', '*', '^', '&', '|', '+', '-'])
            return '(%s %s %s)' % (self.iexpr(env, f, d), op, self.iexpr(env, f, d))
        if k < 0.36:
            op = r.choice(['<<', '>>'])
            return '(%s %s (%s & 63))' % (self.iexpr(env, f, d), op, self.iexpr(env, f, d))
        if k < 0.40:
            return '%s (%s, %s)' % (r.choice(['udiv', 'umod']), self.iexpr(env, f, d), self.iexpr(env, f, d))
        if k < 0.45:
            op = r.choice(['<', '<=', '==', '!=', '>', '&&', '||'])
            return '(uint64_t) (%s %s %s)' % (self.iexpr(env, f, d), op, self.iexpr(env, f, d))
        if k < 0.49:
            return '(%s ? %s : %s)' % (self.iexpr(env, f, d), self.iexpr(env, f, d), self.iexpr(env, f, d))
        if k < 0.52:
            return '%s%s' % (r.choice(['~', '-', '(uint64_t) !']), self.iexpr(env, f, d))
        if k < 0.56:
            t = r.choice(self.int_types())
            return '(uint64_t) (%s) %s' % (t.c, self.iexpr(env, f, d))
        if k < 0.66:
            return 'su (cx, %s)' % self.iexpr(env, f, d)
        if k < 0.70:
            return '(%s, %s)' % (self.suspend(), self.iexpr(env, f, d))
        if k < 0.75 and self.feat['stmtexpr']:
            t = self.fresh('t')
            body = []
            body.append('uint64_t %s = %s;' % (t, self.iexpr(env, f, d)))
            if self.coin(0.7):
                body.append('%s;' % self.suspend())
            if self.coin(0.5):
                body.append('H (cx, %s);' % t)
            body.append('%s ^ %s;' % (t, self.iexpr(env, f, d)))
            return '({ %s })' % ' '.join(body)
        if k < 0.83:
            gs = self.callable(f, 'int')
            if gs:
                g = r.choice(gs)
                c = self.call_args(f, g, env, d)
                if g.ret.kind == 'struct':
                    paths = self.scalar_paths(g.ret.st, '')
                    p, pt, _ = r.choice(paths)
                    return self.to_u64(c + p, pt)
                return self.to_u64(c, g.ret)
        if k < 0.87 and self.ftab:
            return 'ftab[%s %% %d] (cx, depth - 1, %s)' % (self.iexpr(env, f, d), len(self.ftab), self.iexpr(env, f, d))
        if k < 0.90 and self.feat['float']:
            return 'd2u (%s)' % self.dexpr(env, f, d)
        if k < 0.93 and self.structs:
            st = r.choice(self.structs)
            p, pt, _ = r.choice(self.scalar_paths(st, ''))
            return self.to_u64('ss%s (cx, %s)%s' % (st.name, self.sexpr(st, env, f, d), p), pt)
        if k < 0.96 and self.feat['builtin']:
            b = r.choice(['__builtin_popcountll', '__builtin_bswap64', '__builtin_parityll'])
            if self.coin(0.3):
                return '(uint64_t) __builtin_expect (%s, 0)' % self.iexpr(env, f, d)
            return '(uint64_t) %s (%s)' % (b, self.iexpr(env, f, d))
        return self.iexpr(env, f, d)

    def dexpr(self, env, f, d=0):
        r = self.r
        if d > 4 or self.coin(0.25 + 0.12 * d):
            rd = [(e, t) for e, t in self.readable(env) if t.kind == 'flt']
            if rd and self.coin(0.7):
                e, t = r.choice(rd)
                return '(double) %s' % e
            return r.choice(['0.5', '1.25', '-3.0', '1e10', '0.1', '(double) %s' % self.iexpr(env, f, d + 2)])
        d += 1
        k = r.random()
        if k < 0.40:
            op = r.choice(['+', '-', '*'])
            return '(%s %s %s)' % (self.dexpr(env, f, d), op, self.dexpr(env, f, d))
        if k < 0.48:
            return 'fdv (%s, %s)' % (self.dexpr(env, f, d), self.dexpr(env, f, d))
        if k < 0.60:
            return 'sud (cx, %s)' % self.dexpr(env, f, d)
        if k < 0.66:
            return '(%s ? %s : %s)' % (self.iexpr(env, f, d), self.dexpr(env, f, d), self.dexpr(env, f, d))
        if k < 0.72:
            return '(double) (int64_t) %s' % self.iexpr(env, f, d)
        if k < 0.80:
            gs = self.callable(f, 'flt')
            if gs:
                return '(double) %s' % self.call_args(f, r.choice(gs), env, d)
        if k < 0.85 and self.feat['cplx']:
            return '__real__ ((_Complex double) (%s) * (%s + 2.0i))' % (self.dexpr(env, f, d), self.dexpr(env, f, d))
        return self.dexpr(env, f, d)

    def sexpr(self, st, env, f, d=0):
        r = self.r
        vs = [v for v in env if v.t.kind == 'struct' and v.t.st is st]
        k = r.random()
        if d > 3 or k < 0.35:
            if vs and not any(v.volatile for v in vs):
                return r.choice(vs).name
            return '(struct %s) { 0 }' % st.name
        d += 1
        if k < 0.55:
            return 'ss%s (cx, %s)' % (st.name, self.sexpr(st, env, f, d))
        if k < 0.70:
            gs = [g for g in self.callable(f, 'struct') if g.ret.st is st]
            if gs:
                return self.call_args(f, r.choice(gs), env, d)
        if k < 0.80:
            return '(%s ? %s : %s)' % (self.iexpr(env, f, d), self.sexpr(st, env, f, d), self.sexpr(st, env, f, d))
        return self.compound_literal(st, env, f, d)

    def compound_literal(self, st, env, f, d):
        inits = []
        for fn, t, bw in st.fields:
            if t.kind == 'arr':
                inits.append('.%s = { %s }' % (fn, ', '.join(
                    '(%s) (%s)' % (t.elem.c, self.iexpr(env, f, d + 2)) for _ in range(min(t.n, 3)))))
            elif t.kind == 'struct':
                inits.append('.%s = %s' % (fn, self.sexpr(t.st, env, f, d + 1)))
            elif bw:
                inits.append('.%s = (%s) (%s)' % (fn, t.c, self.iexpr(env, f, d + 1)))
            else:
                inits.append('.%s = %s' % (fn, self.expr_of(t, env, f, d + 1)))
        return '(struct %s) { %s }' % (st.name, ', '.join(inits))

    # -- statements ---------------------------------------------------------
    def hash_var(self, v, ind):
        t = v.t
        if t.kind in ('int', 'flt', 'cplx'):
            self.hash_scalar(v.name, t, ind)
        elif t.kind == 'struct':
            for p, ft, _ in self.scalar_paths(t.st, v.name):
                self.hash_scalar(p, ft, ind)
        elif t.kind == 'arr':
            i = self.fresh('k')
            self.emit('for (int %s = 0; %s < %d; %s++) H (cx, (uint64_t) %s[%s]);'
                      % (i, i, t.n, i, v.name, i), ind)
        elif t.kind == 'ptr':
            self.hash_scalar('*' + v.name, t.elem, ind)

    def hash_scalar(self, e, t, ind):
        if t.kind == 'int':
            if t.bits == 128:
                self.emit('H (cx, (uint64_t) (%s >> 64) ^ (uint64_t) %s);' % (e, e), ind)
            else:
                self.emit('H (cx, (uint64_t) %s);' % e, ind)
        elif t.kind == 'flt':
            self.emit('HD (cx, %s);' % e, ind)
        else:
            self.emit('HD (cx, __real__ %s); HD (cx, __imag__ %s);' % (e, e), ind)

    def assign_targets(self, env):
        res = []
        for v in env:
            t = v.t
            if t.kind in ('int', 'flt', 'cplx'):
                res.append((v.name, t))
            elif t.kind == 'struct':
                for p, ft, _ in self.scalar_paths(t.st, v.name):
                    res.append((p, ft))
            elif t.kind == 'ptr':
                res.append(('*' + v.name, t.elem))
        return res

    def decl_stmt(self, env, f, ind):
        r = self.r
        k = r.random()
        name = self.fresh('v')
        vol = self.feat['volatile'] and self.coin(0.1)
        q = 'volatile ' if vol else ''
        if k < 0.55:
            t = self.scalar_type()
            self.emit('%s%s = %s;' % (q, t.decl(name), self.expr_of(t, env, f, 0)), ind)
        elif k < 0.72 and self.structs:
            st = r.choice(self.structs)
            t = st.t
            self.emit('%s = %s;' % (t.decl(name), self.sexpr(st, env, f, 0)), ind)
            vol = False
        elif k < 0.84 and self.feat['array']:
            t = T('arr', '', elem=r.choice(self.int_types()[:8]), n=r.choice([4, 8, 16]))
            inits = ', '.join('(%s) (%s)' % (t.elem.c, self.iexpr(env, f, 3)) for _ in range(r.randint(0, 4)))
            self.emit('%s = { %s };' % (t.decl(name), inits or '0'), ind)
            vol = False
        elif self.feat['ptr']:
            cands = []
            for v in env:
                if v.volatile:
                    continue
                if v.t.kind in ('int', 'flt') and v.t.bits != 1:
                    cands.append(('&' + v.name, v.t))
                elif v.t.kind == 'arr':
                    cands.append(('&%s[%d]' % (v.name, r.randrange(v.t.n)), v.t.elem))
                elif v.t.kind == 'struct':
                    for p, ft, addr in self.scalar_paths(v.t.st, v.name):
                        if addr and ft.kind in ('int', 'flt') and ft.bits != 1:
                            cands.append(('&' + p, ft))
            if not cands:
                return
            e, et = r.choice(cands)
            t = T('ptr', '', elem=et)
            self.emit('%s = %s;' % (t.decl(name), e), ind)
            vol = False
        else:
            return
        env.append(Var(name, t, vol))

    def assign_stmt(self, env, f, ind):
        ts = self.assign_targets(env)
        if not ts:
            return self.decl_stmt(env, f, ind)
        e, t = self.r.choice(ts)
        if t.kind == 'int' and self.coin(0.3) and t.bits != 1:
            op = self.r.choice(['+=', '-=', '^=', '|=', '&=', '*='])
            if t.signed and op == '*=':
                op = '^='
            self.emit('%s %s (uint64_t) (%s);' % (e, op, self.iexpr(env, f)), ind)
        elif t.kind == 'int' and not t.signed and t.bits > 1 and self.coin(0.1):
            self.emit('%s%s;' % (e, self.r.choice(['++', '--'])), ind)
        elif t.kind == 'flt' and self.coin(0.3):
            self.emit('%s %s %s;' % (e, self.r.choice(['+=', '-=', '*=']), self.dexpr(env, f)), ind)
        else:
            self.emit('%s = %s;' % (e, self.expr_of(t, env, f, 0)), ind)

    def ptr_call_stmt(self, env, f, ind, g):
        """A call to G, which takes pointers, passing addresses of locals."""
        depth = 'depth' if g.idx > f.idx else 'depth - 1'
        args = ['cx', depth]
        for pn, pt in g.params:
            if pt.kind == 'ptr':
                cands = [v.name for v in env if v.t.kind == 'ptr' and v.t.elem is pt.elem]
                cands += ['&' + v.name for v in env if v.t is pt.elem and not v.volatile]
                for v in env:
                    if v.t.kind == 'arr' and v.t.elem is pt.elem:
                        cands.append('&%s[%d]' % (v.name, self.r.randrange(v.t.n)))
                    if v.t.kind == 'struct':
                        for p, ft, addr in self.scalar_paths(v.t.st, v.name):
                            if addr and ft is pt.elem:
                                cands.append('&' + p)
                if not cands:
                    # A fresh local whose address is taken.
                    n = self.fresh('a')
                    self.emit('%s %s = (%s) (%s);' % (pt.elem.c, n, pt.elem.c, self.iexpr(env, f)), ind)
                    env.append(Var(n, pt.elem))
                    cands = ['&' + n]
                args.append(self.r.choice(cands))
            else:
                args.append(self.expr_of(pt, env, f, 1))
        c = '%s (%s)' % (g.name, ', '.join(args))
        if g.ret is not None and g.ret.kind in ('int', 'flt') and self.coin(0.7):
            n = self.fresh('r')
            self.emit('%s = %s;' % (g.ret.decl(n), c), ind)
            env.append(Var(n, g.ret))
        else:
            self.emit('(void) %s;' % c, ind)

    def block(self, env, f, ind, budget, in_loop=False, in_switch=False):
        """Statements of one block; ENV is copied (inner declarations die)."""
        env = list(env)
        n = self.r.randint(1, max(1, budget))
        for _ in range(n):
            self.stmt(env, f, ind, budget // 2, in_loop, in_switch)
        return env

    def stmt(self, env, f, ind, budget, in_loop, in_switch):
        r = self.r
        k = r.random()
        compound_ok = budget > 1 and ind < 7
        if k < 0.18:
            self.decl_stmt(env, f, ind)
        elif k < 0.34:
            self.assign_stmt(env, f, ind)
        elif k < 0.42:
            self.emit('%s;' % self.suspend(), ind)
        elif k < 0.50:
            rd = self.readable(env)
            if rd:
                e, t = r.choice(rd)
                self.hash_scalar(e, t, ind)
            else:
                self.emit('H (cx, %s);' % self.iexpr(env, f), ind)
        elif k < 0.55:
            ptrs = [g for g in self.funcs if g.has_ptr]
            gs = ptrs if ptrs and self.coin(0.6) else [g for g in self.funcs]
            if gs:
                g = r.choice(gs)
                if g.has_ptr:
                    self.ptr_call_stmt(env, f, ind, g)
                else:
                    self.emit('(void) %s;' % self.call_args(f, g, env, 0), ind)
            else:
                self.emit('H (cx, %s);' % self.iexpr(env, f), ind)
        elif k < 0.63 and compound_ok:
            self.emit('if (%s)' % self.iexpr(env, f), ind)
            self.emit('{', ind)
            self.block(env, f, ind + 1, budget, in_loop, in_switch)
            self.emit('}', ind)
            if self.coin(0.5):
                self.emit('else', ind)
                self.emit('{', ind)
                self.block(env, f, ind + 1, budget, in_loop, in_switch)
                self.emit('}', ind)
        elif k < 0.71 and compound_ok:
            i = self.fresh('i')
            cond = '%s < %d' % (i, r.randint(1, 4))
            if self.coin(0.3):
                cond = 'su (cx, %s) < %d' % (i, r.randint(1, 4))
            self.emit('for (int %s = 0; %s; %s++)' % (i, cond, i), ind)
            self.emit('{', ind)
            e2 = env + [Var(i, INTS[4])]
            self.block(e2, f, ind + 1, budget, True, False)
            if self.coin(0.3):
                self.emit('if (%s) %s;' % (self.iexpr(e2, f, 2), r.choice(['break', 'continue'])), ind + 1)
            self.emit('}', ind)
        elif k < 0.75 and compound_ok:
            w = self.fresh('w')
            self.emit('{', ind)
            self.emit('int %s = %d;' % (w, r.randint(1, 4)), ind + 1)
            if self.coin(0.5):
                self.emit('while (%s-- > 0)' % w, ind + 1)
            else:
                self.emit('while ((int) su (cx, %s--) > 0)' % w, ind + 1)
            self.emit('{', ind + 1)
            self.block(env, f, ind + 2, budget, True, False)
            self.emit('}', ind + 1)
            self.emit('}', ind)
        elif k < 0.78 and compound_ok:
            w = self.fresh('w')
            self.emit('{', ind)
            self.emit('int %s = %d;' % (w, r.randint(1, 3)), ind + 1)
            self.emit('do', ind + 1)
            self.emit('{', ind + 1)
            self.block(env, f, ind + 2, budget, True, False)
            self.emit('}', ind + 1)
            self.emit('while (--%s > 0 && %s);' % (w, self.iexpr(env, f, 3)), ind + 1)
            self.emit('}', ind)
        elif k < 0.84 and compound_ok and self.feat['switch']:
            nc = r.randint(2, 5)
            self.emit('switch (%s %% %d)' % (self.iexpr(env, f), nc + 1), ind)
            self.emit('{', ind)
            for c in range(nc):
                self.emit('case %d:' % c if c < nc - 1 or self.coin(0.5) else 'default:', ind)
                self.emit('{', ind + 1)
                self.block(env, f, ind + 2, budget // 2, in_loop, True)
                self.emit('}', ind + 1)
                if self.coin(0.3):
                    if self.feat['fallthrough']:
                        self.emit('__attribute__ ((fallthrough));', ind + 1)
                else:
                    self.emit('break;', ind + 1)
            self.emit('}', ind)
        elif k < 0.87 and compound_ok and self.feat['goto']:
            lab = self.fresh('L')
            if self.coin(0.5):
                self.emit('if (%s) goto %s;' % (self.iexpr(env, f), lab), ind)
                self.emit('{', ind)
                self.block(env, f, ind + 1, budget // 2, in_loop, in_switch)
                self.emit('}', ind)
                self.emit('%s:;' % lab, ind)
            else:
                g = self.fresh('g')
                self.emit('{', ind)
                self.emit('int %s = 0;' % g, ind + 1)
                self.emit('%s:' % lab, ind + 1)
                self.emit('{', ind + 1)
                self.block(env, f, ind + 2, budget // 2, in_loop, in_switch)
                self.emit('}', ind + 1)
                self.emit('if (++%s < %d) goto %s;' % (g, r.randint(2, 3), lab), ind + 1)
                self.emit('}', ind)
        elif k < 0.90 and compound_ok:
            self.emit('{', ind)
            self.block(env, f, ind + 1, budget, in_loop, in_switch)
            self.emit('}', ind)
        elif k < 0.93:
            # Address-taken local, modified through its pointer across suspensions.
            if not self.feat['ptr']:
                return self.assign_stmt(env, f, ind)
            t = r.choice(self.int_types()[:8])
            a, p = self.fresh('a'), self.fresh('p')
            self.emit('%s %s = (%s) (%s);' % (t.c, a, t.c, self.iexpr(env, f)), ind)
            self.emit('%s *%s = &%s;' % (t.c, p, a), ind)
            self.emit('%s;' % self.suspend(), ind)
            self.emit('*%s ^= (%s) (%s);' % (p, t.c, self.iexpr(env, f, 2)), ind)
            self.emit('H (cx, (uint64_t) %s);' % a, ind)
            env += [Var(a, t), Var(p, T('ptr', '', elem=t))]
        elif k < 0.95 and not in_switch:
            self.emit('if (%s)' % self.iexpr(env, f, 2), ind)
            self.emit('{', ind)
            self.func_epilogue(env, f, ind + 1)
            self.emit('}', ind)
        else:
            self.emit('H (cx, %s);' % self.iexpr(env, f), ind)

    def ret_expr(self, env, f):
        if f.ret is None:
            return ''
        return ' ' + self.expr_of(f.ret, env, f, 1)

    def func_epilogue(self, env, f, ind):
        for v in env:
            if v.t.kind != 'ptr' or self.coin(0.5):
                if self.coin(0.6):
                    self.hash_var(v, ind)
        self.emit('return%s;' % self.ret_expr(env, f), ind)

    def default_ret(self, t):
        if t is None:
            return ''
        if t.kind == 'struct':
            return ' (struct %s) { 0 }' % t.st.name
        return ' 0'

    # -- functions ----------------------------------------------------------
    def signature(self, f):
        ps = ['struct ctx *cx', 'int depth'] + [t.decl(n) for n, t in f.params]
        rt = 'void' if f.ret is None else f.ret.c
        return '%sstatic __attribute__ ((unused)) %s\n%s (%s)' % (self.SUS(), rt, f.name, ', '.join(ps))

    def plan_functions(self):
        r = self.r
        nf = max(2, int(r.randint(3, 10) * self.size))
        for i in range(nf):
            if i == 0:
                self.funcs.append(Func(0, U64, [('seed', U64)]))
                continue
            k = r.random()
            if self.feat['fptr'] and k < 0.25:
                f = Func(i, U64, [('x', U64)])
                self.ftab.append(i)
            else:
                rk = r.random()
                if rk < 0.15:
                    ret = None
                elif rk < 0.3 and self.structs:
                    ret = r.choice(self.structs).t
                else:
                    ret = self.scalar_type()
                params = []
                for j in range(r.randint(0, 4)):
                    pk = r.random()
                    if pk < 0.25 and self.feat['ptr']:
                        params.append(('p%d' % j, T('ptr', '', elem=r.choice(self.int_types()[:8]))))
                    elif pk < 0.4 and self.structs:
                        params.append(('s%d' % j, r.choice(self.structs).t))
                    else:
                        params.append(('a%d' % j, self.scalar_type()))
                # Same element type objects for pointer matching.
                f = Func(i, ret, params)
            self.funcs.append(f)

    def gen_function(self, f):
        self.out.append(self.signature(f))
        self.out.append('{')
        self.emit('if (depth < 0 || cx->fuel <= 0)', 1)
        self.emit('return%s;' % self.default_ret(f.ret), 2)
        self.emit('cx->fuel--;', 1)
        env = [Var(n, t) for n, t in f.params]
        env.append(Var('depth', INTS[4]))
        if self.feat['manyvars'] and self.coin(0.4):
            self.many_vars(env, f)
        budget = max(2, int(self.r.randint(4, 14) * self.size))
        env = self.block(env, f, 1, budget)
        self.func_epilogue(env, f, 1)
        self.out.append('}\n')

    def many_vars(self, env, f):
        n = self.r.choice([20, 50, 120])
        names = []
        for j in range(n):
            t = self.r.choice(self.int_types()[:8] + ([DBL] if self.feat['float'] else []))
            v = self.fresh('mv')
            if t.kind == 'flt':
                self.emit('%s = (double) (%s + %d);' % (t.decl(v), 'depth', j), 1)
            else:
                self.emit('%s = (%s) (%s * %du + depth);' % (t.decl(v), t.c, 'cx->h', j * 2654435761 % 1000), 1)
            names.append(Var(v, t))
        self.emit('%s;' % self.suspend(), 1)
        for j in range(0, n, 7):
            self.emit('%s += (%s) su (cx, %d);' % (names[j].name, names[j].t.c, j), 1)
        for v in names:
            self.hash_var(v, 1)

    def deep_chain(self):
        """A recursive chain: up to several hundred nested coroutine calls."""
        self.out.append('''%sstatic uint64_t
deep (struct ctx *cx, int n, uint64_t acc)
{
  uint64_t local = acc * 3 + n;
  uint64_t *pl = &local;
  if (n == 0)
    {
      %s;
      return acc;
    }
  if (n %% %d == 0)
    %s;
  uint64_t r = deep (cx, n - 1, local);
  *pl ^= r;
  if (n %% %d == 0)
    %s;
  return local + (uint64_t) n;
}
''' % (self.SUS(), self.suspend(), self.r.randint(2, 9), self.suspend(),
       self.r.randint(2, 9), self.suspend()))

    def generate(self):
        r = self.r
        self.out.append('/* Generated by tools/fuzz/gen.py --seed %d%s.  */' % (self.seed, ' --plain' if self.plain else ''))
        if not self.plain:
            self.out.append('#include <cpc.h>')
        self.out.append(PRELUDE)
        self.out.append(PLAIN_PRELUDE if self.plain else CORO_PRELUDE)
        self.gen_structs()
        for st in self.structs:
            self.out.append('%sstatic __attribute__ ((unused)) struct %s\nss%s (struct ctx *cx, struct %s s)\n{\n  %s;\n  return s;\n}\n'
                            % (self.SUS(), st.name, st.name, st.name, self.suspend()))
        self.plan_functions()
        for f in self.funcs:
            self.out.append(self.signature(f) + ';')
        if self.ftab:
            self.out.append('typedef uint64_t %s(*fp_t) (struct ctx *, int, uint64_t);' % self.SUS())
            self.out.append('static fp_t const ftab[] = { %s };\n'
                            % ', '.join('f%d' % i for i in self.ftab))
        if self.feat['deep']:
            self.deep_chain()
        self.out.append('')
        for f in self.funcs:
            self.gen_function(f)
        self.gen_main()
        return '\n'.join(self.out) + '\n'

    def gen_main(self):
        r = self.r
        deep = ''
        if self.feat['deep']:
            deep = '  H (cx, deep (cx, %d, cx->h));\n' % r.choice([10, 100, 400])
        nested = ''
        if self.feat['nested_enter'] and not self.plain:
            # A coroutine that runs another one to completion from inside.
            nested = '''  if (cx->id == 0)
    {
      struct ctx sub = { .h = 5, .fuel = 50, .srng = 9, .id = 100 };
      cpc_coroutine *co = cpc_create (inner_entry, &sub);
      while (!sub.done)
        cpc_enter (co);
      H (cx, sub.h);
    }
'''
        if self.plain:
            self.out.append('''static void
entry (void *opaque)
{
  struct ctx *cx = opaque;
  H (cx, f0 (cx, 3, cx->h));
%s  cx->done = 1;
}

int
main (void)
{
  for (int i = 0; i < %d; i++)
    {
      struct ctx c = { .h = (uint64_t) i * 77, .fuel = %d, .srng = (uint64_t) i, .id = i };
      entry (&c);
      printf ("co %%d %%016llx\\n", i, (unsigned long long) c.h);
    }
  return 0;
}''' % (deep, self.ncoro, self.fuel))
            return
        if nested:
            self.out.append('''coroutine_fn static void
inner_entry (void *opaque)
{
  struct ctx *cx = opaque;
  H (cx, f0 (cx, 1, cx->h));
  cx->done = 1;
}
''')
        self.out.append('''coroutine_fn static void
entry (void *opaque)
{
  struct ctx *cx = opaque;
%s  H (cx, f0 (cx, 3, cx->h));
%s  cx->done = 1;
}

#define NC %d

int
main (void)
{
  uint64_t rng = %du;
  for (int round = 0; round < 3; round++)
    {
      struct ctx cxs[NC];
      cpc_coroutine *cos[NC];
      int order[NC];
      for (int i = 0; i < NC; i++)
	{
	  memset (&cxs[i], 0, sizeof cxs[i]);
	  cxs[i].h = (uint64_t) i * 77;
	  cxs[i].fuel = %d;
	  cxs[i].srng = (uint64_t) i * 1000003u + (uint64_t) round;
	  cxs[i].id = i;
	  cos[i] = cpc_create (entry, &cxs[i]);
	  order[i] = round == 1 ? NC - 1 - i : i;
	}
      int remaining = NC;
      for (long pass = 0; remaining > 0; pass++)
	{
	  if (pass > 100000000L)
	    abort ();
	  if (round == 2)
	    for (int i = NC - 1; i > 0; i--)
	      {
		rng = rng * 6364136223846793005ULL + 1;
		int j = (int) ((rng >> 33) %% (uint64_t) (i + 1));
		int t = order[i]; order[i] = order[j]; order[j] = t;
	      }
	  for (int k = 0; k < NC; k++)
	    {
	      int i = order[k];
	      if (cxs[i].done)
		continue;
	      cpc_enter (cos[i]);
	      if (cxs[i].done)
		remaining--;
	    }
	}
      for (int i = 0; i < NC; i++)
	printf ("round %%d co %%d %%016llx\\n", round, i, (unsigned long long) cxs[i].h);
    }
  return 0;
}''' % (nested, deep, self.ncoro, self.seed & 0xffff, self.fuel))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--plain', action='store_true',
                    help='no coroutine_fn, no <cpc.h>: for the no-op check')
    ap.add_argument('--size', type=float, default=1.0, help='scale of the program')
    ap.add_argument('--disable', default='', help='features to leave out, comma-separated')
    ap.add_argument('-o', '--output')
    a = ap.parse_args()
    src = Gen(a.seed, a.plain, a.size, [d for d in a.disable.split(',') if d]).generate()
    if a.output:
        with open(a.output, 'w') as fh:
            fh.write(src)
    else:
        sys.stdout.write(src)


if __name__ == '__main__':
    main()
