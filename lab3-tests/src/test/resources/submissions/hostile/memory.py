# Takes 4 GiB of memory, touching every page, 64 MiB at a time.
import sys

kept = []
for i in range(64):
    kept.append(b"x" * (64 << 20))
print("OFFSET=0")
