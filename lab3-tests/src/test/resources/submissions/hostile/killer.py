# Tries to stop or trace every process it can see: the bench's, other hand-ins'. In its sandbox it
# sees only its own.
import ctypes
import os
import signal
import sys

libc = ctypes.CDLL(None, use_errno=True)
me = os.getpid()
reached = []
for entry in os.listdir("/proc"):
    if entry.isdigit() and int(entry) != me:
        pid = int(entry)
        if libc.ptrace(16, pid, None, None) == 0:  # PTRACE_ATTACH
            reached.append("traced %d" % pid)
        try:
            os.kill(pid, signal.SIGKILL)
            reached.append("killed %d" % pid)
        except OSError:
            pass
print("reached:", reached, file=sys.stderr)
try:
    os.kill(-1, signal.SIGKILL)  # every process this user may signal, itself last
except OSError:
    pass
