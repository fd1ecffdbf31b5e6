# Student style: an IPv4 socket only; never reaches a server that runs on IPv6.
# Usage: python3 Part3.py <server> <port>
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1)
while True:
    try:
        s.sendto(b'RESET:20', (server, port))
        data, _ = s.recvfrom(1024)
        print(data.decode())
        break
    except socket.timeout:
        continue
    except (OSError, socket.gaierror):
        continue
