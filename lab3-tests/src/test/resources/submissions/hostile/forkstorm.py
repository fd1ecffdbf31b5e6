# A fork storm: a few hundred processes at once, each waiting; the program then exits as if fine.
import os
import sys
import time

children = 0
for i in range(400):
    try:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
        children += 1
    except OSError as e:
        print("fork failed after", children, "children:", e, file=sys.stderr)
        break
print("OFFSET=0")
