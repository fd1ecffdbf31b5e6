# Broken on purpose: never notices that the server closed, and never exits.
import socket
import sys
import time

server, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
sock.connect((server, port))
sock.sendall(command.encode())
while True:
    time.sleep(1)
