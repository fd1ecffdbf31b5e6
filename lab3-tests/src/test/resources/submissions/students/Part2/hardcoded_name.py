# Student style: tcpip.epfl.ch and port 5003 hard-coded, the command as the only argument, as the
# lab text allows ("The commands should be given as a command line argument to the client").
import re
import socket
import sys

HOST = 'tcpip.epfl.ch'
PORT = 5003

cmd = sys.argv[1]
addr = socket.getaddrinfo(HOST, PORT, socket.AF_INET6, socket.SOCK_STREAM)[0][4]
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.connect(addr)
s.sendall(cmd.encode())
received = b''
while True:
    data = s.recv(1024)
    if not data:
        break
    received += data
text = received.decode()
if cmd == 'CMD_floodme':
    print(text)
else:
    for line in re.findall(r'This is PMU data \d+', text):
        print(line)
