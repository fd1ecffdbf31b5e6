# Prepended to a correct program: leaves a daemon behind, in a session of its own (double fork), as
# a program that "forgot" a background thread would, or one that wants to outlive its check.
import os
import time

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.close(0)
        os.close(1)
        os.close(2)
        while True:
            time.sleep(1)
    os._exit(0)
time.sleep(0.2)
