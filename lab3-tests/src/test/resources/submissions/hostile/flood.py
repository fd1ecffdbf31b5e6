# Prints 2 GiB on stdout.
import sys

chunk = b"x" * (1 << 20)
for i in range(2048):
    sys.stdout.buffer.write(chunk)
