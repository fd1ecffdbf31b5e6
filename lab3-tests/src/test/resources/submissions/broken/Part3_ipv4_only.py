# Broken on purpose: hard-codes IPv4, so it never reaches a server that runs on IPv6.
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1.0)
while True:
    s.sendto(b"RESET:20", (server, port))
    try:
        data, _ = s.recvfrom(1024)
        print(data.decode(), flush=True)
        break
    except socket.timeout:
        pass
