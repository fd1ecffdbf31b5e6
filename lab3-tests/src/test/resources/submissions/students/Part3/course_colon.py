# Student style (2020): written and tried against the course's server, which answered OFFSET:X
# (FACTS.md, Part 3), so it waits for that colon, where the lab text writes OFFSET=X.
# Sends on both families every half second until one answers.
# Usage: python3 Part3.py <server> <port>
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
socks = []
for family in (socket.AF_INET6, socket.AF_INET):
    try:
        addr = socket.getaddrinfo(server, port, family, socket.SOCK_DGRAM)[0][4]
    except socket.gaierror:
        continue
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    socks.append((s, addr))

while True:
    for s, addr in socks:
        s.sendto(b'RESET:20', addr)
    for s, addr in socks:
        try:
            reply = s.recv(1024).decode()
        except socket.timeout:
            continue
        if reply.startswith('OFFSET:'):
            print('OFFSET=' + reply.split(':')[1])
            sys.exit(0)
