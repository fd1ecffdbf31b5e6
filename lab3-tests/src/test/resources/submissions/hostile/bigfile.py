# Writes one file without end, in its own copy.
with open("big", "wb") as f:
    while True:
        f.write(b"x" * 65536)
