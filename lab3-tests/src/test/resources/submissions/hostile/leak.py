# Tells what it found of the host as its last stderr line and fails: the bench quotes that line in
# the feedback, so a sandbox must leave nothing to quote.
sys.stderr.write("leak: " + " | ".join(found) + "\n")
sys.exit(1)
