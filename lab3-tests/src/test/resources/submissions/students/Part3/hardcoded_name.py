# Student style: tcpip.epfl.ch and port 5004 hard-coded, no argument (the lab text names both).
# Both families, every second, until an acknowledgement comes.
import socket

SERVER = 'tcpip.epfl.ch'
PORT = 5004
socks = []
for family in (socket.AF_INET6, socket.AF_INET):
    try:
        addr = socket.getaddrinfo(SERVER, PORT, family, socket.SOCK_DGRAM)[0][4]
    except socket.gaierror:
        continue
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    socks.append((s, addr))
while True:
    for s, addr in socks:
        try:
            s.sendto(b'RESET:20', addr)
        except OSError:
            pass
    for s, addr in socks:
        try:
            data = s.recv(100)
        except (socket.timeout, OSError):
            continue
        print('Acknowledgement:', data.decode())
        raise SystemExit(0)
