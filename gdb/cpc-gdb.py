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
# - libcpc's thread-local "cpc__current" (struct cpc_hot *, the first
#   member of the running struct cpc_coroutine; &cpc__no_coroutine outside
#   any coroutine), and its thread-local "cpc__thread_sched" (void *, a
#   struct cpc_sched *) with the list "live" of the thread's coroutines
#   (struct cpc_coroutine.live_next).

import re

import gdb

try:
    from gdb.FrameDecorator import FrameDecorator
except ImportError:  # gdb without frame filter support
    FrameDecorator = object

CPC_MAGIC = 0x21435043

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


def _current_of_thread(cursym):
    """The running coroutine (a struct cpc_hot * value) in the selected
    thread, or None outside any coroutine."""
    v = _read_tls(cursym)
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
    sym = _runtime_var("cpc__current")
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


def state_text(co):
    d = co.dereference()
    try:
        st = int(d["state"])
    except gdb.error:
        # A runtime without a scheduler: running or suspended.
        if int(d["running"]):
            return "running"
        return "new" if int(d["entry"]) else "suspended"
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
            text += " %d" % int(d["wait_obj"])
        elif text.startswith("waiting on") and int(d["wait_obj"]):
            text += " 0x%x" % int(d["wait_obj"])
    except gdb.error:
        pass
    return text


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
    sched = _runtime_var("cpc__thread_sched")
    cursym = _runtime_var("cpc__current")
    try:
        sched_type = gdb.lookup_type("struct cpc_sched").pointer()
    except gdb.error:
        sched_type = None
    try:
        for th in sorted(inf.threads(), key=lambda t: t.num):
            th.switch()
            lst = []
            if cursym is not None:
                v = _current_of_thread(cursym)
                if v is not None:
                    lst.append(v)
            if sched is not None and sched_type is not None:
                s = _read_tls(sched)
                if s is not None and int(s):
                    co = s.cast(sched_type).dereference()["live"]
                    n = 0
                    live = []
                    while int(co) and n < 1000000:
                        live.append(co)
                        co = co.dereference()["live_next"]
                        n += 1
                    lst.extend(reversed(live))	# oldest first
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
    cursym = _runtime_var("cpc__current")
    if cursym is None:
        return None
    cur_thread = gdb.selected_thread()
    found = None
    try:
        for th in gdb.selected_inferior().threads():
            th.switch()
            v = _read_tls(cursym)
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
        e = int(co.dereference()["entry"])
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
                elif int(co.dereference()["entry"]):
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
# suspended logical callers (marked "[cpc]") as elided frames.

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


class CpcFrameFilter(object):
    def __init__(self):
        self.name = "cpc-logical-callers"
        self.priority = 100
        self.enabled = True
        gdb.frame_filters[self.name] = self

    def filter(self, frame_iter):
        for dec in frame_iter:
            try:
                f = dec.inferior_frame()
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
