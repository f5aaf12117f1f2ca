# gdb support for cpc coroutines: "cpc bt", "info cpc" / "cpc list", and a
# frame filter that shows the logical callers of a resumed coroutine in "bt".
#
# Load it with "source /path/to/cpc-gdb.py"; "make install" also puts it
# where gdb auto-loads it for programs linked with the shared libcpc.
#
# Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT
#
# What it reads (docs/ABI.md, docs/RUNTIME.md):
# - every transformed function F has a resume function (ELF symbol
#   "F.resume", DWARF name F) whose frame pointer "__frame" is of type
#   "struct F.frame *": a local variable when built at -O0/-Og with debug
#   information (its formal parameters are then the user's), else its only
#   parameter; the frame starts with "__hdr" (struct cpc_frame:
#   resume, caller, state) and holds the saved variables as fields (some
#   inside "__slotN" unions), named "var.UID";
# - the plugin's table "F.resume.cpc_lines" (unsigned int[]): element 0 is
#   the number of suspension points n, element k the source line of
#   suspension point k; a suspended frame's __hdr.state is that k;
# - libcpc's thread-local "cpc__thread" (struct cpc_thread): its "current"
#   (struct cpc_hot *, the first member of the running struct
#   cpc_coroutine; &cpc__no_coroutine outside any coroutine; its
#   "suspending" says whether it is unwinding a suspension) and its
#   "thread_sched" (void *, a struct cpc_sched *); a scheduler also records
#   the address of the first, for debuggers that cannot read thread-local
#   variables;
# - libcpc's slabs of coroutine objects, "cpc__slab_pages" (struct
#   cpc_slab_page, runtime/slab.h): a slot whose magic is CPC_MAGIC holds a
#   live coroutine, owned by the scheduler its "sched_index" names in
#   libcpc's table "cpc__scheds" (struct cpc_sched *[]).

import os
import re

import gdb

try:
    from gdb.FrameDecorator import FrameDecorator
except ImportError:  # gdb without frame filter support
    FrameDecorator = object

CPC_MAGIC = 0xc5  # struct cpc_hot.magic, 8 bits (cpc-abi.def)

# struct cpc_coroutine.state (runtime/internal.h, enum cpc_state), used when
# the enum is not in the debug information.
_STATE_NAMES = [
    "new", "running", "runnable", "suspended", "sleeping",
    "waiting on fd", "waiting on cond", "waiting on mutex",
    "waiting on rwlock", "waiting on queue", "queued (QEMU wakeup)",
    "waiting (QEMU CoMutex/CoQueue/CoRwlock)",
]
_ENUM_TO_TEXT = {
    "CPC_ST_NEW": "new", "CPC_ST_RUNNING": "running",
    "CPC_ST_RUNNABLE": "runnable", "CPC_ST_SUSPENDED": "suspended",
    "CPC_ST_SLEEPING": "sleeping", "CPC_ST_WAIT_IO": "waiting on fd",
    "CPC_ST_WAIT_COND": "waiting on cond",
    "CPC_ST_WAIT_MUTEX": "waiting on mutex",
    "CPC_ST_WAIT_RWLOCK": "waiting on rwlock",
    "CPC_ST_WAIT_QUEUE": "waiting on queue",
    "CPC_ST_WAKEUP": "queued (QEMU wakeup)",
    "CPC_ST_WAIT_QEMU": "waiting (QEMU CoMutex/CoQueue/CoRwlock)",
}


def _strip_uid(name):
    """'arr.2990' -> 'arr' (the plugin appends the DECL_UID)."""
    return re.sub(r"\.\d+$", "", name)


# ---------------------------------------------------------------------------
# Recognizing resume functions and reading the plugin's line tables.

def _is_frame_ptr_type(t):
    """T is 'struct F.frame *'."""
    pt = t.strip_typedefs()
    if pt.code != gdb.TYPE_CODE_PTR:
        return False
    tgt = pt.target().strip_typedefs()
    tag = tgt.tag or tgt.name or ""
    return tgt.code == gdb.TYPE_CODE_STRUCT and tag.endswith(".frame")


def _frame_param_type(fnsym, fnblock=None):
    """If FNSYM (its function block FNBLOCK, when known) is a resume
    function, the type 'struct F.frame *'.  The plugin gives a resume
    function, with debug information, the local variable "__frame" (its
    formal parameters are then the user's); without it, or from an older
    plugin, the frame is the only parameter."""
    if fnsym is None:
        return None
    try:
        if fnblock is None:
            fnblock = _func_block(gdb.block_for_pc(
                int(fnsym.value().address)))
        if fnblock is not None:
            for sym in fnblock:
                if sym.name == "__frame" and _is_frame_ptr_type(sym.type):
                    return sym.type.strip_typedefs()
    except (gdb.error, RuntimeError, AttributeError):
        pass
    try:
        t = fnsym.type.strip_typedefs()
        if t.code != gdb.TYPE_CODE_FUNC:
            return None
        fields = t.fields()
        if len(fields) == 1 and _is_frame_ptr_type(fields[0].type):
            return fields[0].type.strip_typedefs()
    except gdb.error:
        pass
    return None


def _func_block(block):
    while block is not None and block.function is None:
        block = block.superblock
    return block


def is_resume_frame(frame):
    try:
        fn = frame.function()
        if fn is None:
            return False
        return _frame_param_type(fn, _func_block(frame.block())) is not None
    except (gdb.error, RuntimeError):
        return False


def _minsym_name(addr):
    """The ELF symbol at ADDR ('F.resume'), or None."""
    try:
        out = gdb.execute("info symbol 0x%x" % addr, to_string=True)
    except gdb.error:
        return None
    m = re.match(r"(\S+?)(?: \+ \d+)? in section", out)
    if not m:
        return None
    # gdb prints the symbol "F.resume" as "F[resume]".
    name = m.group(1)
    return re.sub(r"\[([^\]]*)\]", r".\1", name)


_lines_cache = {}


def cpc_lines(resume_addr):
    """The plugin's line table of the resume function at RESUME_ADDR: a list
    whose element k is the line of suspension point k (element 0 is n), or
    None when the program has none."""
    if resume_addr in _lines_cache:
        return _lines_cache[resume_addr]
    table = None
    name = _minsym_name(resume_addr)
    if name:
        uint = gdb.lookup_type("unsigned int")
        for expr in ("&'%s.cpc_lines'" % name,
                     "(unsigned int *) &'%s.cpc_lines'" % name):
            try:
                p = gdb.parse_and_eval(expr).cast(uint.pointer())
                n = int(p[0])
                if 0 <= n < 100000:
                    table = [n] + [int(p[k]) for k in range(1, n + 1)]
                break
            except gdb.error:
                continue
    _lines_cache[resume_addr] = table
    return table


# ---------------------------------------------------------------------------
# Logical frames.

class LogicalFrame(object):
    """One coroutine frame: FUNCTION (name), FILENAME, LINE, STATE, FRAME (a
    gdb.Value 'struct F.frame *'), PC (an address in the resume function at
    LINE, for scopes; may be None), PHYSICAL (the gdb.Frame when it is on
    the machine stack, else None)."""

    def __init__(self, function, filename, line, state, frame, pc,
                 physical=None):
        self.function = function
        self.filename = filename
        self.line = line
        self.state = state
        self.frame = frame
        self.pc = pc
        self.physical = physical

    def where(self):
        if self.line:
            return "%s:%d" % (self.filename or "??", self.line)
        if self.state is not None:
            return "%s, state %d" % (self.filename or "??", self.state)
        return self.filename or "??"

    def scope_names(self):
        """Names visible at the resume point, or None when unknown."""
        if self.pc is None:
            return None
        try:
            block = gdb.block_for_pc(self.pc)
        except RuntimeError:
            return None
        names = set()
        while block is not None:
            for sym in block:
                if sym.is_variable or sym.is_argument:
                    names.add(sym.name)
            if block.function is not None:
                break
            block = block.superblock
        return names

    def saved_variables(self):
        """[(name, gdb.Value)] of the variables saved in the frame that are
        in scope at the resume point (all of them when that is unknown)."""
        out = []
        if self.frame is None or int(self.frame) == 0:
            return out
        scope = self.scope_names()
        try:
            obj = self.frame.dereference()
            fields = obj.type.strip_typedefs().fields()
        except gdb.error:
            return out
        seen = set()

        def want(name):
            base = _strip_uid(name)
            if base.startswith("__") or not re.match(r"^[A-Za-z_]\w*$", base):
                return None
            if scope is not None and base not in scope:
                return None
            if base in seen:
                return None
            return base

        for f in fields:
            if f.name is None or f.name in ("__hdr", "__retval"):
                continue
            if f.name.startswith("__slot"):
                try:
                    slot = obj[f.name]
                    members = slot.type.strip_typedefs().fields()
                except gdb.error:
                    continue
                for m in members:
                    base = want(m.name or "")
                    if base is not None:
                        seen.add(base)
                        out.append((base, slot[m.name]))
                continue
            base = want(f.name)
            if base is not None:
                seen.add(base)
                out.append((base, obj[f.name]))
        return out


def _resume_pc_for_line(fnblock, symtab, line):
    if symtab is None or not line:
        return None
    try:
        entries = symtab.linetable().line(line)
    except (gdb.error, RuntimeError, AttributeError):
        return None
    pcs = [e.pc for e in (entries or ())
           if fnblock.start <= e.pc < fnblock.end]
    return min(pcs) if pcs else None


def logical_frame_from_header(hdr):
    """A LogicalFrame for a suspended frame whose header is at HDR (any
    pointer value), or None when it does not look like one."""
    try:
        hdr_t = gdb.lookup_type("struct cpc_frame").pointer()
        h = hdr.cast(hdr_t).dereference()
        resume = int(h["resume"])
        state = int(h["state"])
    except gdb.error:
        return None
    if resume == 0:
        return None
    try:
        block = _func_block(gdb.block_for_pc(resume))
    except RuntimeError:
        block = None
    if block is None:
        name = _minsym_name(resume) or "0x%x" % resume
        return LogicalFrame(re.sub(r"\.resume$", "", name), None, None,
                            state, None, None)
    fn = block.function
    ftype = _frame_param_type(fn, block)
    frame = hdr.cast(ftype) if ftype is not None else None
    symtab = fn.symtab
    filename = symtab.filename if symtab else None
    line = None
    lines = cpc_lines(resume)
    if lines and 1 <= state < len(lines):
        line = lines[state]
    pc = _resume_pc_for_line(block, symtab, line)
    return LogicalFrame(fn.name, filename, line, state, frame, pc)


def logical_frame_from_physical(frame):
    sal = frame.find_sal()
    filename = sal.symtab.filename if sal.symtab else None
    fval = None
    try:
        fval = frame.read_var("__frame")
    except (gdb.error, ValueError):
        pass
    state = None
    return LogicalFrame(frame.name(), filename, sal.line or None, state,
                        fval, frame.pc(), physical=frame)


def follow_callers(lf, limit=10000):
    """The logical callers of LF, outermost last."""
    out = []
    hdr = lf.frame
    while hdr is not None and len(out) < limit:
        try:
            caller = hdr.cast(gdb.lookup_type("struct cpc_frame").pointer()) \
                        .dereference()["caller"]
        except gdb.error:
            break
        if int(caller) == 0:
            break
        c = logical_frame_from_header(caller)
        if c is None:
            break
        out.append(c)
        hdr = c.frame if c.frame is not None else None
    return out


def _is_ramp_of(older, frame):
    """OLDER is the ramp of the resume frame FRAME: the plugin names the
    ramp "F.ramp" in DWARF (older plugins: F, like the resume function)."""
    if older is None or is_resume_frame(older):
        return False
    name = older.name()
    return name is not None and name in (frame.name(),
                                         "%s.ramp" % frame.name())


def _called_by_trampoline(frame):
    """FRAME is a resume frame; True when the runtime (cpc_enter) resumed it,
    False when its ramp called it (a call that has not suspended yet)."""
    older = frame.older()
    if older is None or is_resume_frame(older):
        return False
    return not _is_ramp_of(older, frame)


def physical_chain(start=None):
    """The coroutine frames on the machine stack from START (default: the
    newest frame) down to the runtime: a list of (gdb.Frame, resumed) for
    resume frames, innermost first; RESUMED is True for the outermost one
    when cpc_enter resumed it (its callers are then in the frame links).
    Empty when no coroutine code is on the stack."""
    f = start if start is not None else gdb.newest_frame()
    while f is not None and not is_resume_frame(f):
        f = f.older()
    chain = []
    while f is not None and is_resume_frame(f):
        if _called_by_trampoline(f):
            chain.append((f, True))
            break
        chain.append((f, False))
        o = f.older()
        if _is_ramp_of(o, f):
            o = o.older()
        f = o
    return chain


def logical_chain_of_stack(start=None):
    out = []
    chain = physical_chain(start)
    for f, resumed in chain:
        lf = logical_frame_from_physical(f)
        out.append(lf)
        if resumed:
            out.extend(follow_callers(lf))
    return out


# ---------------------------------------------------------------------------
# The runtime's coroutine objects.

def _static_var(name, filename_suffix=None):
    try:
        syms = gdb.lookup_static_symbols(name)
    except (AttributeError, gdb.error):
        syms = []
        s = gdb.lookup_static_symbol(name)
        if s:
            syms = [s]
    for s in syms:
        if filename_suffix and s.symtab and \
           not s.symtab.filename.endswith(filename_suffix):
            continue
        return s
    return None


def _read_tls(sym):
    try:
        try:
            return sym.value(gdb.selected_frame())
        except gdb.error:
            return sym.value()
    except gdb.error:
        return None


class _ThreadField:
    """The field FIELD of libcpc's thread-local cpc__thread, read like
    a symbol (value(), value(frame))."""

    def __init__(self, sym, field):
        self.sym = sym
        self.field = field

    def value(self, *frame):
        return self.sym.value(*frame)[self.field]


def _thread_var(field):
    """The field FIELD of the thread-local cpc__thread, or None."""
    sym = _runtime_var("cpc__thread")
    return _ThreadField(sym, field) if sym is not None else None


def _runtime_var(name):
    """libcpc's global variable NAME (a symbol), or None."""
    try:
        sym = gdb.lookup_global_symbol(name)
    except gdb.error:
        sym = None
    return sym if sym is not None else _static_var(name)


def _no_coroutine_address():
    sym = _runtime_var("cpc__no_coroutine")
    if sym is None:
        return None
    try:
        return int(sym.value().address)
    except gdb.error:
        return None


def _debug_sched_of(thread):
    """THREAD's scheduler (struct cpc_sched *) from libcpc's list of every
    scheduler, cpc__debug_scheds, which needs no thread-local read: gdb
    cannot read those through qemu-user's gdb stub.  None when the
    thread has no scheduler or the runtime has no such list."""
    sym = _runtime_var("cpc__debug_scheds")
    if sym is None or thread is None:
        return None
    tid = thread.ptid[1] or thread.ptid[0]
    try:
        s = sym.value()
        n = 0
        while int(s) and n < 100000:
            if int(s.dereference()["tid"]) == tid:
                return s
            s = s.dereference()["debug_next"]
            n += 1
    except gdb.error:
        pass
    return None


def _per_thread(sym, addr_field):
    """SYM (a field of cpc__thread, _thread_var) in the selected thread:
    through its scheduler's ADDR_FIELD, which works where gdb cannot read
    thread-local variables (qemu-user), else directly; None if neither."""
    s = _debug_sched_of(gdb.selected_thread())
    try:
        if s is not None and int(s.dereference()[addr_field]):
            return s.dereference()[addr_field].dereference()
    except gdb.error:
        pass
    return _read_tls(sym) if sym is not None else None


def _current_of_thread(cursym):
    """The running coroutine (a struct cpc_hot * value) in the selected
    thread, or None outside any coroutine."""
    v = _per_thread(cursym, "current_addr")
    if v is None or int(v) == 0:
        return None
    outside = _no_coroutine_address()
    if outside is not None and int(v) == outside:
        return None
    if outside is None and not is_coroutine(v):
        return None
    return v


def current_coroutine():
    """The running coroutine of the selected thread, or None."""
    sym = _thread_var("current")
    if sym is None:
        return None
    return _current_of_thread(sym)


def _coroutine_ptr(value):
    try:
        t = gdb.lookup_type("struct cpc_coroutine").pointer()
    except gdb.error:
        raise gdb.GdbError("cpc: no debug information for libcpc"
                           " (struct cpc_coroutine)")
    return value.cast(t)


def is_coroutine(value):
    try:
        co = _coroutine_ptr(value)
        return int(co.dereference()["magic"]) == CPC_MAGIC
    except gdb.error:
        return False


def _start_entry(d):
    """The entry function's address of the coroutine D (a struct
    cpc_coroutine) while it has not started, else 0: cpc_create leaves it
    at the start of the inline chunk, which the first frame overwrites
    (runtime/internal.h, struct cpc_start)."""
    if int(d["running"]) or int(d["top"]):
        return 0
    try:
        t = gdb.lookup_type("struct cpc_start").pointer()
    except gdb.error:
        return 0
    return int(d["chunk"].address.cast(t).dereference()["entry"])


def _wait_obj(d):
    """What the coroutine D waits on (0 when it has no ext block)."""
    x = d["ext"]
    return int(x.dereference()["wait_obj"]) if int(x) else 0


def state_text(co):
    d = co.dereference()
    try:
        st = int(d["state"])
    except gdb.error:
        # A runtime without a scheduler: running or suspended.
        if int(d["running"]):
            return "running"
        return "new" if _start_entry(d) else "suspended"
    text = None
    try:
        et = gdb.lookup_type("enum cpc_state")
        for f in et.fields():
            if f.enumval == st:
                text = _ENUM_TO_TEXT.get(f.name, f.name)
    except gdb.error:
        pass
    if text is None:
        text = _STATE_NAMES[st] if 0 <= st < len(_STATE_NAMES) \
            else "state %d" % st
    try:
        if text == "waiting on fd":
            text += " %d" % _wait_obj(d)
        elif text.startswith("waiting on") and _wait_obj(d):
            text += " 0x%x" % _wait_obj(d)
    except gdb.error:
        pass
    return text


def _slab_coroutines():
    """{scheduler address: [coroutine address, ...]} of every live
    coroutine in libcpc's slabs, oldest page first and in slot order
    within a page (creation order until slots are reused); None when the
    runtime has no slabs or their types are unknown.  Reads each page's
    slots in one piece: a million coroutines must not take a million
    reads."""
    sym = _runtime_var("cpc__slab_pages")
    if sym is None:
        return None
    try:
        hot = gdb.lookup_type("struct cpc_hot")
        offs = {f.name: f.bitpos // 8 for f in hot.fields()}
        magic_at, index_at = offs["magic"], offs["sched_index"]
        table = _runtime_var("cpc__scheds")
        if table is None:
            return None
        table = table.value()
        scheds = {}
        order = "big" if "big endian" in gdb.execute(
            "show endian", to_string=True) else "little"
        inf = gdb.selected_inferior()
        pages = []
        p = sym.value()
        while int(p) and len(pages) < 1000000:
            pages.append(p)
            p = p.dereference()["all"]["next"]
        result = {}
        for p in reversed(pages):
            page = p.dereference()
            first = int(p) + int(page["first"])
            size, carved = int(page["slot_size"]), int(page["carved"])
            if not carved:
                continue
            mem = bytes(inf.read_memory(first, carved * size))
            for i in range(carved):
                at = i * size
                if mem[at + magic_at] != CPC_MAGIC:
                    continue
                index = int.from_bytes(mem[at + index_at:at + index_at + 2],
                                       order)
                if index not in scheds:
                    scheds[index] = int(table[index])
                result.setdefault(scheds[index], []).append(first + at)
        return result
    except (gdb.error, gdb.MemoryError, KeyError):
        return None


def live_coroutines():
    """[(thread, coroutine value)] of every live coroutine the runtime
    lists, plus the running one of each thread.  Without a scheduler
    (older runtime) only the running coroutines are known."""
    result = []
    seen = set()
    inf = gdb.selected_inferior()
    cur_thread = gdb.selected_thread()
    cur_frame = None
    try:
        cur_frame = gdb.selected_frame()
    except gdb.error:
        pass
    sched = _thread_var("thread_sched")
    cursym = _thread_var("current")
    slabs = _slab_coroutines() if sched is not None else None
    try:
        co_type = gdb.lookup_type("struct cpc_coroutine").pointer()
    except gdb.error:
        co_type = None
    try:
        for th in sorted(inf.threads(), key=lambda t: t.num):
            th.switch()
            lst = []
            if cursym is not None:
                v = _current_of_thread(cursym)
                if v is not None:
                    lst.append(v)
            if slabs and co_type is not None:
                s = _debug_sched_of(th)
                if s is None:
                    s = _read_tls(sched)
                if s is not None and int(s):
                    lst.extend(gdb.Value(a).cast(co_type)
                               for a in slabs.get(int(s), []))
            for co in lst:
                if int(co) not in seen:
                    seen.add(int(co))
                    result.append((th, co))
    finally:
        if cur_thread is not None and cur_thread.is_valid():
            cur_thread.switch()
            if cur_frame is not None and cur_frame.is_valid():
                cur_frame.select()
    return result


def _thread_running(co):
    """The thread whose current coroutine is CO, or None."""
    cursym = _thread_var("current")
    if cursym is None:
        return None
    cur_thread = gdb.selected_thread()
    found = None
    try:
        for th in gdb.selected_inferior().threads():
            th.switch()
            v = _current_of_thread(cursym)
            if v is not None and int(v) == int(co):
                found = th
                break
    finally:
        if cur_thread is not None:
            cur_thread.switch()
    return found


def coroutine_chain(co):
    """The logical chain of coroutine CO, innermost first."""
    d = co.dereference()
    if int(d["running"]):
        th = _thread_running(co)
        if th is not None:
            cur = gdb.selected_thread()
            sel = gdb.selected_frame() if cur == th else None
            th.switch()
            try:
                return logical_chain_of_stack()
            finally:
                cur.switch()
                if sel is not None and sel.is_valid():
                    sel.select()
        return []
    top = d["top"]
    if int(top) == 0:
        return []
    lf = logical_frame_from_header(top)
    if lf is None:
        return []
    return [lf] + follow_callers(lf)


def _entry_name(co):
    try:
        e = _start_entry(_coroutine_ptr(co).dereference())
        if e:
            b = gdb.block_for_pc(e)
            if b is not None and _func_block(b) is not None:
                return _func_block(b).function.name
            return _minsym_name(e) or "0x%x" % e
    except (gdb.error, RuntimeError):
        pass
    return None


# ---------------------------------------------------------------------------
# Commands.

def _fmt_value(v):
    try:
        return v.format_string(max_elements=20, repeat_threshold=10)
    except (gdb.error, AttributeError, TypeError):
        try:
            return str(v)
        except gdb.error as e:
            return "<error: %s>" % e


class CpcPrefix(gdb.Command):
    """cpc coroutine commands: "cpc bt", "cpc list"."""

    def __init__(self):
        super(CpcPrefix, self).__init__("cpc", gdb.COMMAND_STACK,
                                        gdb.COMPLETE_NONE, True)


class CpcBacktrace(gdb.Command):
    """Print the logical call chain of a cpc coroutine, innermost first.
Usage: cpc bt [-full] [COROUTINE]
COROUTINE is an expression whose value is a cpc_coroutine * (default:
the coroutine running in the selected thread; when the selected frame is
inside a coroutine, that one).  The address of a suspended frame header
(struct cpc_frame *) is accepted too.  Each line shows the function and
the file:line where it runs or is suspended; -full adds the variables
saved in each frame that are in scope there."""

    def __init__(self):
        super(CpcBacktrace, self).__init__("cpc bt", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        full = False
        rest = []
        for a in argv:
            if a in ("-full", "full", "-f"):
                full = True
            else:
                rest.append(a)
        chain = None
        label = None
        if rest:
            v = gdb.parse_and_eval(" ".join(rest))
            if is_coroutine(v):
                co = _coroutine_ptr(v)
                label = "coroutine 0x%x (%s)" % (int(co), state_text(co))
                chain = coroutine_chain(co)
            else:
                lf = logical_frame_from_header(v)
                if lf is None:
                    raise gdb.GdbError("cpc bt: %s is neither a coroutine"
                                       " nor a frame" % " ".join(rest))
                label = "frame 0x%x" % int(v)
                chain = [lf] + follow_callers(lf)
        else:
            try:
                start = gdb.selected_frame()
            except gdb.error:
                raise gdb.GdbError("cpc bt: no program is running")
            chain = logical_chain_of_stack(start)
            co = current_coroutine()
            if co is not None:
                label = "coroutine 0x%x (%s)" % (int(co), state_text(co))
            if not chain:
                raise gdb.GdbError("cpc bt: not in a coroutine; give a"
                                   " coroutine (see \"info cpc\")")
        if label:
            gdb.write("%s\n" % label)
        if not chain:
            gdb.write("(no frames)\n")
        for i, lf in enumerate(chain):
            how = "" if lf.physical is not None else "  [suspended]"
            gdb.write("#%-2d %s at %s%s\n" % (i, lf.function, lf.where(),
                                              how))
            if full:
                if lf.physical is not None:
                    try:
                        block = lf.physical.block()
                    except RuntimeError:
                        block = None
                    names = set()
                    while block is not None:
                        for sym in block:
                            if (sym.is_variable or sym.is_argument) and \
                               sym.name not in names and \
                               sym.name != "__frame":
                                names.add(sym.name)
                                try:
                                    v = _fmt_value(sym.value(lf.physical))
                                except gdb.error as e:
                                    v = "<error: %s>" % e
                                gdb.write("        %s = %s\n" % (sym.name, v))
                        if block.function is not None:
                            break
                        block = block.superblock
                else:
                    for name, v in lf.saved_variables():
                        gdb.write("        %s = %s\n" % (name, _fmt_value(v)))


class CpcList(gdb.Command):
    """List the live cpc coroutines: address, thread, state, entry function
and where each one runs or is suspended.  Same as "info cpc".
Without the runtime's scheduler only running coroutines are listed."""

    def __init__(self, name="cpc list"):
        super(CpcList, self).__init__(name, gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        try:
            gdb.selected_frame()
        except gdb.error:
            raise gdb.GdbError("info cpc: no program is running")
        cos = live_coroutines()
        if not cos:
            gdb.write("No live coroutines.\n")
            return
        cur = current_coroutine()
        gdb.write("  %-3s %-18s %-6s %-20s %-12s %s\n"
                  % ("Id", "Coroutine", "Thread", "State", "Entry",
                     "Where"))
        for i, (th, co) in enumerate(cos, 1):
            mark = "*" if cur is not None and int(cur) == int(co) else " "
            st = state_text(co)
            where = ""
            chain = []
            try:
                chain = coroutine_chain(co)
                if chain:
                    lf = chain[0]
                    where = "%s at %s" % (lf.function, lf.where())
                    if len(chain) > 1:
                        # Often the innermost frame is libcpc's own
                        # coroutine_fn (cpc_cond_wait...): name its caller.
                        where += ", from %s at %s" % (chain[1].function,
                                                      chain[1].where())
                elif _start_entry(_coroutine_ptr(co).dereference()):
                    where = "(not started)"
            except gdb.error as e:
                where = "<error: %s>" % e
            entry = _entry_name(co)
            if entry is None and chain:
                entry = chain[-1].function
            gdb.write("%s %-3d 0x%-16x %-6d %-20s %-12s %s\n"
                      % (mark, i, int(co), th.num, st, entry or "-", where))


# ---------------------------------------------------------------------------
# Frame filter: after a resume frame that cpc_enter resumed, show the
# suspended logical callers (marked "[cpc]") as elided frames; leave out
# the ramp under a resume frame its ramp called (the same call of F), and
# libcpc's internal frames between the program's cpc_enter (or other API
# call) and the coroutine it runs.

class _Arg(object):
    def __init__(self, name, value):
        self._name = name
        self._value = value

    def symbol(self):
        return self._name

    def value(self):
        return self._value


class LogicalCallerDecorator(FrameDecorator):
    def __init__(self, base, lf):
        super(LogicalCallerDecorator, self).__init__(base)
        self._lf = lf

    def function(self):
        return "[cpc] " + (self._lf.function or "??")

    def address(self):
        return self._lf.pc

    def filename(self):
        return self._lf.filename

    def line(self):
        return self._lf.line

    def frame_args(self):
        return None

    def frame_locals(self):
        return [_Arg(n, v) for n, v in self._lf.saved_variables()]

    def elided(self):
        return None


class ResumedDecorator(FrameDecorator):
    def __init__(self, base, callers):
        super(ResumedDecorator, self).__init__(base)
        self._callers = callers

    def elided(self):
        base = super(ResumedDecorator, self).elided()
        extra = [LogicalCallerDecorator(self.inferior_frame(), lf)
                 for lf in self._callers]
        return iter(list(base or []) + extra)


def _is_runtime_internal(frame):
    """FRAME runs one of libcpc's internal functions (not its API: the
    cpc_* functions the program called, such as cpc_enter)."""
    name = frame.name() or ""
    if re.match(r"^cpc_[a-z]", name):
        return False
    sal = frame.find_sal()
    try:
        return sal.symtab is not None \
            and _is_runtime_file(sal.symtab.fullname())
    except (gdb.error, RuntimeError):
        return False


class CpcFrameFilter(object):
    def __init__(self):
        self.name = "cpc-logical-callers"
        self.priority = 100
        self.enabled = True
        gdb.frame_filters[self.name] = self

    def filter(self, frame_iter):
        inner = None
        for dec in frame_iter:
            try:
                f = dec.inferior_frame()
                # A ramp that called the resume function just shown is
                # the same call of F: plumbing, not a frame of the user's.
                if inner is not None and _is_ramp_of(f, inner):
                    inner = None
                    continue
                inner = f if is_resume_frame(f) else None
                if _is_runtime_internal(f):
                    continue
                if is_resume_frame(f) and _called_by_trampoline(f):
                    callers = follow_callers(logical_frame_from_physical(f))
                    if callers:
                        yield ResumedDecorator(dec, callers)
                        continue
            except (gdb.error, RuntimeError):
                pass
            yield dec


CpcPrefix()
CpcBacktrace()
CpcList("cpc list")
CpcList("info cpc")
if FrameDecorator is not object and hasattr(gdb, "frame_filters"):
    CpcFrameFilter()


# "break F" on a coroutine_fn resolves to two places: the ramp (the C
# symbol F, named "F.ramp" in DWARF: plumbing that allocates the frame) and
# the resume function holding the user's body.  Only the body is what the
# user means, so locations in ramps are disabled as breakpoints appear or
# gain locations (gdb 13's BreakpointLocation API; older gdbs keep both).
def _disable_ramp_locations(bp):
    for loc in getattr(bp, "locations", None) or []:
        try:
            fn = loc.function
        except (gdb.error, RuntimeError, AttributeError):
            continue
        if fn and fn.endswith(".ramp") and loc.enabled:
            loc.enabled = False


def _on_breakpoint(bp):
    try:
        _disable_ramp_locations(bp)
    except (gdb.error, RuntimeError):
        pass


# The extension may be loaded twice (auto-loaded for libcpc.so and through
# the .debug_gdb_scripts entry every libcpc carries, or sourced by hand as
# well): commands and the frame filter replace their namesakes, the
# hooks below are installed once per gdb session.
_first_load = not getattr(gdb, "_cpc_extension_hooks", False)
gdb._cpc_extension_hooks = True

if _first_load and hasattr(gdb, "BreakpointLocation"):
    gdb.events.breakpoint_created.connect(_on_breakpoint)
    gdb.events.breakpoint_modified.connect(_on_breakpoint)


# "step" into a coroutine call goes through the ramp, whose rare slow
# paths (a new arena chunk: cpc__frame_alloc) are libcpc functions with
# debug information; nobody debugging their coroutines means to step into
# the runtime's internals (every one is named cpc__*), so step over them.
def _skip_runtime_internals():
    try:
        gdb.execute("skip -rfunction ^cpc__", to_string=True)
    except gdb.error:
        pass


if _first_load:
    _skip_runtime_internals()


# ---------------------------------------------------------------------------
# "step" and "next" as in the sequential program.
#
# Physically a coroutine call enters the ramp, which calls the resume
# function; a suspension returns through every frame of the chain into
# libcpc, and the code after it runs only when something resumes the
# coroutine, entering the innermost frame's resume function at its
# dispatch.  gdb 13 knows none of that (it has no DW_AT_trampoline
# support), so without help "step" stops once in the ramp, and "step" or
# "next" at a suspension walks out through the unwinding code into
# libcpc's trampoline.  The stop hook below turns a step that ends in such
# a place into the one the user asked for:
# - ending in a ramp, "step" goes on into the resume function;
# - when the coroutine being stepped suspends, the step resumes once that
#   frame is resumed (a breakpoint on its resume function's entry that
#   stops only for that frame), and ends on the next line after the
#   suspension point, the way "next" over a call behaves in a stackful
#   coroutine;
# - when the stepped frame returns into the runtime (a resumed frame that
#   finishes), the step continues in its logical caller the same way;
# - when it returns out of the coroutine altogether (the outermost frame
#   finished), the step ends in the code that resumed the coroutine.
# A stop at a user's breakpoint always stays a stop.  The hook uses gdb's
# "hook-stop" (a stop hook that resumes the inferior suppresses the
# report of the stop it interrupted), so it is not installed over a
# hook-stop of the user's.
#
# "break F" and "break LINE" on the first line of F's body may resolve to
# the resume function's first instruction (gdb puts breakpoints in
# optimized code on a function's entry), which runs on every resume as
# well: a stop there whose frame is being resumed (state != 0) is not one
# the user asked for, and the hook continues.

_MAX_HOPS = 64


# The registers of the first two integer arguments, by architecture
# prefix (most specific first); i386 passes them on the stack.
_ARG_REGISTERS = (
    ("i386:x86-64", ("rdi", "rsi")),
    ("aarch64", ("x0", "x1")),
    ("riscv", ("a0", "a1")),
    ("s390", ("r2", "r3")),
    ("arm", ("r0", "r1")),
)


def _entry_arg(frame, n):
    """Integer argument N (0 or 1) of FRAME at a function's entry, or
    None on an unknown architecture."""
    arch = frame.architecture().name()
    try:
        for prefix, regs in _ARG_REGISTERS:
            if arch.startswith(prefix):
                return int(frame.read_register(regs[n]))
        if arch.startswith("i386"):
            ptr = gdb.lookup_type("unsigned long")
            sp = int(frame.read_register("esp"))
            slot = gdb.Value(sp + 4 * (n + 1)).cast(ptr.pointer())
            return int(slot.dereference()) & 0xffffffff
    except (gdb.error, ValueError):
        return None
    return None


def _first_arg(frame):
    """The first argument of FRAME at a function's entry: a resume
    function's frame."""
    return _entry_arg(frame, 0)


def _second_arg(frame):
    """The second argument of FRAME at a function's entry: a resume
    function's state (0 for a fresh start from the ramp), an unsigned
    int whose register's upper half may hold anything."""
    v = _entry_arg(frame, 1)
    return None if v is None else v & 0xffffffff


def _frame_header(addr):
    """(resume, caller, state) of the frame header at ADDR, or None."""
    try:
        t = gdb.lookup_type("struct cpc_frame").pointer()
        h = gdb.Value(addr).cast(t).dereference()
        return int(h["resume"]), int(h["caller"]), int(h["state"])
    except gdb.error:
        return None


def _at_resume_entry(frame):
    """The frame header address when FRAME is stopped on the first
    instruction of a resume function, else None."""
    try:
        fn = frame.function()
        if fn is None or not is_resume_frame(frame):
            return None
        if frame.pc() != fn.value().address:
            return None
    except (gdb.error, RuntimeError):
        return None
    return _first_arg(frame)


def _frame_addr_of(frame):
    """The frame header address of resume frame FRAME, or None."""
    entry = _at_resume_entry(frame)
    if entry is not None:
        return entry
    try:
        v = frame.read_var("__frame")
        return int(v) or None
    except (gdb.error, ValueError):
        return None


def _suspending():
    """True when the running coroutine of the selected thread is unwinding
    a suspension."""
    co = current_coroutine()
    if co is None:
        return False
    try:
        return int(co.dereference()["suspending"]) != 0
    except gdb.error:
        return False


_runtime_dirs = []


def _is_runtime_file(filename):
    """FILENAME is one of libcpc's sources or headers."""
    if not filename:
        return False
    base = filename.rsplit("/", 1)[-1]
    if base in ("cpc.h", "cpc-abi.h", "qemu-coroutine.h"):
        return True
    if not _runtime_dirs:
        try:
            sym = gdb.lookup_global_symbol("cpc__frame_alloc")
            if sym is not None and sym.symtab is not None:
                full = sym.symtab.fullname()
                _runtime_dirs.append(full.rsplit("/", 1)[0] + "/")
        except (gdb.error, RuntimeError):
            pass
    return any(filename.startswith(d) for d in _runtime_dirs)


def _in_inline_runtime(frame):
    """FRAME is libcpc's code inlined into the user's (cpc.h's
    cpc_enter)."""
    try:
        sal = frame.find_sal()
        return (frame.type() == gdb.INLINE_FRAME and sal.symtab is not None
                and _is_runtime_file(sal.symtab.fullname()))
    except (gdb.error, RuntimeError):
        return False


def _is_user_frame(frame):
    """FRAME runs code with line information outside libcpc."""
    sal = frame.find_sal()
    if sal.symtab is None or not sal.line:
        return False
    try:
        return not _is_runtime_file(sal.symtab.fullname())
    except (gdb.error, RuntimeError):
        return False


def _at_user_breakpoint(pc):
    for bp in gdb.breakpoints() or ():
        if not bp.enabled or bp.number <= 0 or bp.type != gdb.BP_BREAKPOINT:
            continue
        for loc in getattr(bp, "locations", None) or ():
            if loc.enabled and loc.address == pc:
                return True
    return False


class _ResumeBreakpoint(gdb.Breakpoint):
    """Stops when the resume function at ADDRESS is entered for the frame
    whose header is at FRAME_ADDR."""

    def __init__(self, address, frame_addr):
        super(_ResumeBreakpoint, self).__init__("*0x%x" % address,
                                                internal=True)
        self.address = address
        self.frame_addr = frame_addr
        self.silent = True

    def stop(self):
        return _first_arg(gdb.newest_frame()) == self.frame_addr


class _ReturnBreakpoint(gdb.Breakpoint):
    """Stops at ADDRESS when the stack pointer is SP: the return into the
    frame that resumed a finished coroutine."""

    def __init__(self, address, sp):
        super(_ReturnBreakpoint, self).__init__("*0x%x" % address,
                                                internal=True)
        self.address = address
        self.sp = sp
        self.silent = True

    def stop(self):
        return int(gdb.newest_frame().read_register("sp")) == self.sp


class _Step(object):
    """A "step" or "next" the user typed, while it runs."""

    def __init__(self, command, frame):
        self.command = command
        self.frame_addr = None  # the stepped coroutine frame's header
        self.resume_fn = None   # the entry of its resume function
        self.caller = None      # its logical caller's header (when linked)
        self.wait = None        # the internal breakpoint we wait on
        self.line = None        # after a resume: the suspension point's line
        self.start_function = None
        self.start_sp = None
        self.start_frame_addr = None
        self.start_line = None
        self.start_pc = None
        if frame is not None:
            try:
                self.start_function = _function_start(frame)
                self.start_sp = int(frame.read_register("sp"))
                self.start_line = frame.find_sal().line
                self.start_pc = frame.pc()
            except (gdb.error, RuntimeError):
                pass
        if frame is not None and is_resume_frame(frame):
            self.frame_addr = _frame_addr_of(frame)
            try:
                self.resume_fn = int(frame.function().value().address)
            except (gdb.error, RuntimeError, AttributeError):
                self.resume_fn = None
            self.start_frame_addr = self.frame_addr
            if self.frame_addr:
                hdr = _frame_header(self.frame_addr)
                if hdr is not None and hdr[1]:
                    self.caller = hdr[1]

    def drop_wait(self):
        if self.wait is not None:
            try:
                self.wait.delete()
            except (gdb.error, RuntimeError):
                pass
            self.wait = None


_step = None       # the _Step in progress
_driving = 0       # > 0 while the hook runs commands of its own


def _run(command):
    """Run COMMAND for the hook.  gdb runs no hooks inside a hook; the
    reports of the stops on the way go to a log file (gdb prints a stop's
    report to the console, past gdb.execute's to_string), which the hook
    shows when the stop is one the user must see."""
    global _driving
    _driving += 1
    try:
        gdb.execute(command, from_tty=False)
    finally:
        _driving -= 1


def _plant_resume(st, frame_addr, resume_fn=None):
    """Wait for the frame at FRAME_ADDR, whose resume function is at
    RESUME_FN (default: the one its header links), to be resumed: the
    command to run, or None."""
    hdr = _frame_header(frame_addr)
    if hdr is None:
        return None
    if resume_fn is None:
        resume_fn = hdr[0]
    if not resume_fn:
        return None
    st.drop_wait()
    st.wait = _ResumeBreakpoint(resume_fn, frame_addr)
    st.frame_addr = frame_addr
    st.resume_fn = resume_fn
    st.caller = hdr[1] or None
    st.line = None
    return "continue"


def _plant_return(st):
    """The stepped coroutine is gone (finished, or never known): end the
    step in the nearest user frame that resumed it.  The command to run,
    or None."""
    f = gdb.newest_frame()
    while f is not None and not _is_user_frame(f):
        f = f.older()
    if f is None or f == gdb.newest_frame():
        return None
    try:
        sp = int(f.read_register("sp"))
    except gdb.error:
        return None
    st.drop_wait()
    st.frame_addr = None
    st.wait = _ReturnBreakpoint(f.pc(), sp)
    return "continue"


def _resumed_breakpoint_entry(frame):
    """True when FRAME stopped at a user's breakpoint on a resume
    function's first instruction because the frame is being resumed."""
    entry = _at_resume_entry(frame)
    if not entry:
        return False
    # The state R was called with: optimized ramps store no state 0 in
    # the frame (plugin/rewrite.cc, "direct entry").
    state = _second_arg(frame)
    if state is not None:
        return state != 0
    hdr = _frame_header(entry)
    return hdr is not None and hdr[2] != 0


def _function_start(frame):
    """The entry address of FRAME's function (gdb.Symbol objects do not
    compare by identity of the symbol), or None."""
    try:
        block = _func_block(frame.block())
        return block.start if block is not None else None
    except (gdb.error, RuntimeError):
        return None


def _back_on_start_line(st, frame):
    """A step that ends on the line it started on, in the same frame: the
    generated code has jumps without a line of their own (to the shared
    return, say), after which gdb sees the line start again; gdb itself
    never ends a step on the line it started from."""
    try:
        return (st.start_line is not None and frame.pc() != st.start_pc
                and _function_start(frame) == st.start_function
                and int(frame.read_register("sp")) == st.start_sp
                and frame.find_sal().line == st.start_line)
    except (gdb.error, RuntimeError):
        return False


def _next_action(st, frame):
    """What to run next for step ST stopped in FRAME: a command, or None to
    stop here."""
    pc = frame.pc()
    waited = st.wait
    if waited is not None:
        if not (waited.is_valid() and waited.address == pc
                and waited.stop()):
            return None          # stopped elsewhere: a signal, say
        st.drop_wait()
        if isinstance(waited, _ResumeBreakpoint):
            # A resumed frame's header links its logical caller.
            hdr = _frame_header(st.frame_addr)
            if hdr is not None:
                st.caller = hdr[1] or None
            lines = cpc_lines(hdr[0]) if hdr else None
            if lines and 1 <= hdr[2] < len(lines):
                st.line = lines[hdr[2]]
        elif frame.find_sal().pc == pc and not _in_inline_runtime(frame):
            # Back in the code that resumed the coroutine, and the call
            # was the last instruction of its line: a step out of a call
            # ends right here, at the start of the next line.  Not when
            # that line is the inline cpc_enter's own (cpc.h), where
            # GCC's block order may give the jump back to the caller's
            # loop a line: the step goes on to the caller's line.
            return None
        # Resumed, or back in the code that resumed the coroutine, inside
        # the line of that call: go on the way a step out of a call does.
        return st.command
    name = frame.name() or ""
    if name.endswith(".ramp"):
        if st.command == "finish":
            # Out of the resume function into its ramp: finish the ramp
            # too, which returns F's value to F's caller.
            return "finish"
        if st.frame_addr is not None and _suspending():
            # The stepped frame suspended and returned into its ramp (an
            # entry function's, whose return carries the closing line).
            return _plant_resume(st, st.frame_addr, st.resume_fn)
        # "step" into a call: on into the body; a step out of the body:
        # on out of the ramp.
        return st.command
    if st.command == "finish":
        return None
    if _back_on_start_line(st, frame):
        return st.command
    if st.line is not None and st.frame_addr is not None:
        # Just resumed: in the dispatch or on the suspension point's line,
        # which the user saw begin before the suspension.
        if is_resume_frame(frame) and _frame_addr_of(frame) == st.frame_addr \
           and (frame.find_sal().line == st.line
                or _at_resume_entry(frame) is not None):
            return st.command
        st.line = None
    if st.frame_addr is None:
        return None
    if is_resume_frame(frame) and _suspending():
        # The stepped frame, or a callee it stepped over, is unwinding a
        # suspension.
        return _plant_resume(st, st.frame_addr, st.resume_fn)
    if _is_user_frame(frame):
        return None
    # Back in libcpc.
    if _suspending():
        return _plant_resume(st, st.frame_addr, st.resume_fn)
    if st.caller:
        return _plant_resume(st, st.caller)
    return _plant_return(st)


def _inferior_gone():
    try:
        gdb.newest_frame()
        return False
    except gdb.error:
        return True


def _needs_driving(st, frame):
    """Whether the stop in FRAME is one the hook must move on from."""
    if _at_user_breakpoint(frame.pc()):
        return _resumed_breakpoint_entry(frame)
    return st is not None


class _Drive(object):
    """One stop hook's run: whether it drives, where the log of the stops
    on the way is, and what it must show at the end."""

    def __init__(self):
        self.log = None
        self.mark = 0
        self.moved = False
        self.replay = False


_drive = None


def _hook_begin():
    """Decide whether this stop needs the hook; when it does, point gdb's
    log at a temporary file: the hook's lines then turn logging on, so the
    reports of the stops on the way are not shown (gdb prints them past
    gdb.execute's to_string, and redirection set up inside gdb.execute
    ends with it)."""
    global _drive
    _drive = None
    gdb.set_convenience_variable("_cpc_hook_drive", 0)
    try:
        frame = gdb.newest_frame()
    except gdb.error:
        return
    if not _needs_driving(_step, frame):
        return
    try:
        if gdb.parameter("logging enabled"):
            return              # the user's log: do not disturb it
    except (gdb.error, RuntimeError):
        return
    import tempfile
    d = _Drive()
    fd, d.log = tempfile.mkstemp(prefix="cpc-gdb-")
    os.close(fd)
    d.saved = [gdb.parameter("logging " + p)
               for p in ("file", "overwrite", "redirect")]
    for cmd in ("set logging file %s" % d.log, "set logging overwrite on",
                "set logging redirect on"):
        gdb.execute(cmd, to_string=True)
    _drive = d
    gdb.set_convenience_variable("_cpc_hook_drive", 1)


def _log_size(d):
    try:
        return os.path.getsize(d.log)
    except OSError:
        return 0


def _hook_run():
    d = _drive
    if d is None:
        return
    st = _step
    frame = gdb.newest_frame()
    for _ in range(_MAX_HOPS):
        if _at_user_breakpoint(frame.pc()):
            if not _resumed_breakpoint_entry(frame):
                break
            command = "continue"
            if st is not None:
                st.line = None
        elif st is not None:
            command = _next_action(st, frame)
            if command is None:
                break
        else:
            break
        d.mark = _log_size(d)
        _run(command)
        d.moved = True
        if st is not None:
            # Where the step ended; the thread may differ from the one that
            # stopped first (a coroutine resumed by another thread), and gdb
            # selects that first one again after the stop hook.
            st.final_thread = gdb.selected_thread()
        if command == "finish":
            d.replay = True     # gdb's report of the finish: the value
        if _inferior_gone():
            d.replay = True
            break
        frame = gdb.newest_frame()
        if _at_user_breakpoint(frame.pc()) \
           and not _resumed_breakpoint_entry(frame):
            d.replay = True     # a breakpoint of the user's on the way
            break


def _hook_report():
    global _drive
    d = _drive
    _drive = None
    if d is None:
        return
    f, o, r = d.saved
    for cmd in ("set logging file %s" % f,
                "set logging overwrite %s" % ("on" if o else "off"),
                "set logging redirect %s" % ("on" if r else "off")):
        try:
            gdb.execute(cmd, to_string=True)
        except gdb.error:
            pass
    try:
        if d.replay:
            with open(d.log) as log:
                log.seek(d.mark)
                gdb.write(log.read())
        elif d.moved:
            _show_location(_step)
    finally:
        try:
            os.unlink(d.log)
        except OSError:
            pass


def _show_location(st):
    """Report the stop the way gdb reports the end of a step: the source
    line, after the function and its arguments when the step left the
    function it started in."""
    text = gdb.execute("frame", to_string=True)
    text = re.sub(r"^#0\s+", "", text)
    same = False
    if st is not None and st.start_function is not None:
        try:
            f = gdb.newest_frame()
            same = _function_start(f) == st.start_function and (
                st.start_sp == int(f.read_register("sp"))
                or (st.start_frame_addr is not None
                    and _frame_addr_of(f) == st.start_frame_addr))
        except (gdb.error, RuntimeError):
            same = False
    if same and "\n" in text:
        text = text.split("\n", 1)[1]
    gdb.write(text)


class _StopHook(gdb.Command):
    """Internal: the cpc extension's stop hook."""

    def __init__(self):
        super(_StopHook, self).__init__("cpc-internal-stop-hook",
                                        gdb.COMMAND_NONE)

    def invoke(self, arg, from_tty):
        try:
            {"begin": _hook_begin, "run": _hook_run,
             "report": _hook_report}[arg.strip()]()
        except (gdb.error, RuntimeError) as e:
            gdb.write("cpc: stop hook: %s\n" % e, gdb.STDERR)


def _select_final_thread(st):
    thread = getattr(st, "final_thread", None)
    try:
        if thread is not None and thread.is_valid() \
           and thread != gdb.selected_thread():
            thread.switch()
            gdb.newest_frame().select()
    except (gdb.error, RuntimeError):
        pass


class _StepHook(gdb.Command):
    """Internal: the cpc extension's step/next hooks."""

    def __init__(self):
        super(_StepHook, self).__init__("cpc-internal-step-hook",
                                        gdb.COMMAND_NONE)

    def invoke(self, arg, from_tty):
        global _step
        if _driving:
            return
        words = arg.split()
        if words and words[0] == "end":
            if _step is not None:
                _step.drop_wait()
                _select_final_thread(_step)
            _step = None
            return
        try:
            frame = gdb.selected_frame()
        except gdb.error:
            frame = None
        _step = _Step(words[0] if words else "step", frame)


def _install_step_hooks():
    try:
        mine = gdb.execute("show user hook-stop", to_string=True)
    except gdb.error:
        mine = ""
    if mine.strip() and "cpc-internal-stop-hook" not in mine:
        gdb.write("cpc: a hook-stop is defined already; \"step\" through"
                  " coroutine ramps and suspensions stays gdb's own\n")
        return
    _StopHook()
    _StepHook()
    gdb.execute("define hook-stop\n"
                "cpc-internal-stop-hook begin\n"
                "if $_cpc_hook_drive\n"
                "set logging enabled on\n"
                "cpc-internal-stop-hook run\n"
                "set logging enabled off\n"
                "cpc-internal-stop-hook report\n"
                "end\n"
                "end")
    for cmd in ("step", "next", "finish"):
        gdb.execute("define hook-%s\ncpc-internal-step-hook %s\nend"
                    % (cmd, cmd))
        gdb.execute("define hookpost-%s\ncpc-internal-step-hook end\nend"
                    % cmd)


if _first_load:
    _install_step_hooks()


# ---------------------------------------------------------------------------
# "up" and "down" pass over ramps the way "bt" does: the ramp under a
# resume frame that it called is the same call of F, and stopping on it
# shows the user a frame their program does not have.  The commands
# replace gdb's own (same output: the selected frame as "frame" prints
# it); "frame N" still selects any frame, ramps included.

def _visible_older(frame):
    older = frame.older()
    if older is not None and is_resume_frame(frame) \
       and _is_ramp_of(older, frame):
        older = older.older()
    return older


def _visible_newer(frame):
    newer = frame.newer()
    if newer is not None and (newer.name() or "").endswith(".ramp"):
        inner = newer.newer()
        if inner is not None and _is_ramp_of(newer, inner):
            newer = inner
    return newer


class _Move(gdb.Command):
    """Select and print the calling (up) or called (down) frame, COUNT
    frames away (default 1), passing over coroutine ramps."""

    def __init__(self, name, older):
        super(_Move, self).__init__(name, gdb.COMMAND_STACK)
        self.older = older

    def invoke(self, arg, from_tty):
        count = int(gdb.parse_and_eval(arg)) if arg.strip() else 1
        older = self.older if count >= 0 else not self.older
        frame = gdb.selected_frame()
        for _ in range(abs(count)):
            nxt = _visible_older(frame) if older else _visible_newer(frame)
            if nxt is None:
                if frame == gdb.selected_frame():
                    raise gdb.GdbError(
                        "Initial frame selected; you cannot go up." if older
                        else "Bottom (innermost) frame selected; you cannot"
                        " go down.")
                break
            frame = nxt
        frame.select()
        gdb.execute("frame", from_tty=from_tty)


_Move("up", True)
_Move("down", False)
