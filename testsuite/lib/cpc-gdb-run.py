# The gdb side of the cpc debug-information tests (lib/cpc-gdb.exp).
#
# Copyright (C) 2026 The cpc authors.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run as  gdb -nx -batch -ex 'python cpc_gdb_spec = "SPEC"; cpc_gdb_out = "OUT"'
#             -x cpc-gdb.py -x cpc-gdb-run.py PROGRAM
#
# SPEC has one check per line, tab-separated:  ID  FILE  LINE  HIT  KIND  TEXT
#   KIND "print": evaluate the expression TEXT ("output TEXT");
#   KIND "cmd":   run the gdb command TEXT and capture what it prints.
# The program runs once.  A breakpoint is set at each FILE:LINE; at the
# HIT-th stop there (1-based) the checks of that line and hit are done.
# Breakpoints that nothing needs any more are deleted, and the run ends
# when every check is done.  OUT receives, per check:
#   @@ID OK|ERROR|NOTREACHED
#   <the text, any number of lines>
#   @@END

import gdb

checks = []
with open(cpc_gdb_spec) as f:
    for raw in f:
        raw = raw.rstrip("\n")
        if not raw:
            continue
        cid, fname, line, hit, kind, text = raw.split("\t", 5)
        checks.append({"id": cid, "file": fname, "line": int(line),
                       "hit": int(hit), "kind": kind, "text": text})

results = {}

for setting in ("pagination off", "confirm off", "width 0", "height 0",
                "print pretty off", "debuginfod enabled off",
                "style enabled off"):
    try:
        gdb.execute("set " + setting, to_string=True)
    except gdb.error:
        pass

# One breakpoint per FILE:LINE.
pending = {}        # (file, line) -> list of checks still to do
for c in checks:
    pending.setdefault((c["file"], c["line"]), []).append(c)
bps = {}            # breakpoint number -> (file, line)
hits = {}           # (file, line) -> stops so far
for key in pending:
    try:
        bp = gdb.Breakpoint("%s:%d" % key, internal=False)
        bp.silent = True
        bps[bp.number] = (key, bp)
        hits[key] = 0
    except (gdb.error, RuntimeError) as e:
        for c in pending[key]:
            results[c["id"]] = ("ERROR", "no breakpoint at %s:%d: %s"
                                % (key[0], key[1], e))
        pending[key] = []

stopped = []


def on_stop(ev):
    if isinstance(ev, gdb.BreakpointEvent):
        stopped.extend(b.number for b in ev.breakpoints)


gdb.events.stop.connect(on_stop)


def run_check(c):
    try:
        if c["kind"] == "print":
            out = gdb.execute("output " + c["text"], to_string=True)
        else:
            out = gdb.execute(c["text"], to_string=True)
        results[c["id"]] = ("OK", out)
    except gdb.error as e:
        results[c["id"]] = ("ERROR", str(e))
    except Exception as e:  # a bug in a Python command
        results[c["id"]] = ("ERROR", "%s: %s" % (type(e).__name__, e))


def alive():
    inf = gdb.selected_inferior()
    return inf is not None and inf.pid != 0


def anything_left():
    return any(pending[k] for k in pending)


# "run" natively; "continue" when gdb is attached to qemu-user's gdb stub
# (lib/cpc.exp, cpc_gdb_target_start).
command = globals().get("cpc_gdb_run_command", "run")
steps = 0
while anything_left() and steps < 100000:
    steps += 1
    del stopped[:]
    try:
        gdb.execute(command, to_string=True)
    except gdb.error as e:
        break
    command = "continue"
    if not alive():
        break
    if not stopped:
        # A signal or something else: stop here.
        break
    for num in sorted(set(stopped)):
        if num not in bps:
            continue
        key, bp = bps[num]
        hits[key] += 1
        todo = []
        for c in pending[key]:
            if c["hit"] == hits[key]:
                run_check(c)
            else:
                todo.append(c)
        pending[key] = todo
        if not todo and bp.is_valid():
            bp.delete()

for c in checks:
    if c["id"] not in results:
        results[c["id"]] = ("NOTREACHED", "%s:%d was reached %d time(s)"
                            % (c["file"], c["line"],
                               hits.get((c["file"], c["line"]), 0)))

with open(cpc_gdb_out, "w") as f:
    for c in checks:
        st, text = results[c["id"]]
        f.write("@@%s %s\n%s\n@@END\n" % (c["id"], st, text.rstrip("\n")))

if alive():
    try:
        gdb.execute("kill", to_string=True)
    except gdb.error:
        pass
