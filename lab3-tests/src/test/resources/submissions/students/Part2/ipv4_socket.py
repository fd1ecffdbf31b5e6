# Student style: an IPv4 socket in Part 2, where the lab text requires IPv6 sockets.
# Usage: python3 Part2.py <server> <port> <command>
import re
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
CMD = sys.argv[3]

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.send(CMD.encode())
data = ''
while True:
    chunk = s.recv(1024).decode()
    if not chunk:
        break
    data += chunk
if CMD == 'CMD_floodme':
    print(data)
else:
    for m in re.findall(r'This is PMU data \d+', data):
        print(m)
s.close()
