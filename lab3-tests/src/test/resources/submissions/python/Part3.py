# Part 3, written from the lab text alone: RESET:20 over UDP on IPv4 and IPv6 at once,
# retransmitted every second until an OFFSET=X acknowledgement arrives.
# Usage: python3 Part3_A_B.py <server> <port>
import select
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
targets = []  # (socket, address) for each family the server name resolves to
for family in (socket.AF_INET, socket.AF_INET6):
    try:
        info = socket.getaddrinfo(server, port, family, socket.SOCK_DGRAM)
    except socket.gaierror:
        continue
    for _, _, _, _, addr in info:
        targets.append((socket.socket(family, socket.SOCK_DGRAM), addr))
        break
if not targets:
    sys.exit("cannot resolve " + server)

while True:
    for s, addr in targets:
        try:
            s.sendto(b"RESET:20", addr)
        except OSError:
            pass  # e.g. no route for this family
    ready, _, _ = select.select([s for s, _ in targets], [], [], 1.0)
    for s in ready:
        try:
            data, sender = s.recvfrom(1024)
        except OSError:
            continue  # ICMP port unreachable on the family without a server
        text = data.decode(errors="replace")
        if text.startswith("OFFSET="):
            print(text, flush=True)
            sys.exit(0)
