# Student style: prints only X, the offset, from OFFSET=X (the lab fixes no output format).
# Usage: python3 Part3.py <server> <port>
import select
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
pairs = []
for info in socket.getaddrinfo(server, port, 0, socket.SOCK_DGRAM):
    pairs.append((socket.socket(info[0], socket.SOCK_DGRAM), info[4]))
while True:
    for s, addr in pairs:
        try:
            s.sendto('RESET:20'.encode(), addr)
        except OSError:
            pass
    ready, _, _ = select.select([p[0] for p in pairs], [], [], 1)
    for s in ready:
        try:
            data = s.recv(1024).decode()
        except OSError:
            continue
        print(data[7:])
        sys.exit()
