# Student style: the server's IPv4 address written into the program (here a documentation
# address, 192.0.2.10, standing for the course server's) and the command as the only argument,
# on an AF_INET socket. The bench never runs it against that address: it fails before running.
import socket
import sys

SERVER = ('192.0.2.10', 5003)

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(SERVER)
s.send(sys.argv[1].encode())
for i in range(100):
    data = s.recv(1024)
    if not data:
        break
    print(data.decode())
s.close()
