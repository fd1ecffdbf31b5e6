# Spins on the CPU without end.
while True:
    pass
