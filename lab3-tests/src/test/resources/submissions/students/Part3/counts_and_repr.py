# Student style: debug prints of each attempt and the acknowledgement's repr beside the offset.
# Sends on both families every second until one answers.
# Usage: python3 Part3.py <server> <port>
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
socks = []
for family in (socket.AF_INET, socket.AF_INET6):
    try:
        addr = socket.getaddrinfo(server, port, family, socket.SOCK_DGRAM)[0][4]
    except socket.gaierror:
        continue
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    socks.append((s, addr))

attempt = 0
while True:
    attempt += 1
    print('attempt', attempt)
    for s, addr in socks:
        try:
            s.sendto(b'RESET:20', addr)
        except OSError:
            pass
    for s, addr in socks:
        try:
            data, sender = s.recvfrom(1024)
        except (socket.timeout, OSError):
            continue
        print('received', data, 'from', sender[0])
        print(data.decode())
        sys.exit(0)
