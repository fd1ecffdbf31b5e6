"""The lab's reference reader: connects, sends the command, copies what arrives to stdout with
recv(65536) until the server closes. usage: reader.py HOST PORT [COMMAND]
stderr: "bytes=B ns=T" (T from before the connect to the last byte written)."""
import socket, sys, time

start = time.monotonic_ns()
s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
s.sendall((sys.argv[3] if len(sys.argv) > 3 else "CMD_floodme").encode())
out, n = sys.stdout.buffer, 0
while data := s.recv(65536):
    n += len(data)
    out.write(data)
out.flush()
print(f"bytes={n} ns={time.monotonic_ns() - start}", file=sys.stderr)
