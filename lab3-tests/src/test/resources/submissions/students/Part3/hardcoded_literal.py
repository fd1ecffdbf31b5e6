# Student style: the server's IPv4 address written into the program (here a documentation
# address, 192.0.2.10, standing for the course server's), only the reset sent, no argument read.
# The bench never runs it against that address: it fails before running.
import socket

SERVER = ('192.0.2.10', 5004)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1)
while True:
    try:
        s.sendto(b'RESET:20', SERVER)
        data, _ = s.recvfrom(1024)
        print(data.decode())
        break
    except socket.timeout:
        continue
