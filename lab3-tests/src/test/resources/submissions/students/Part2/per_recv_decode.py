# Student style, correct: IPv6, each recv(1024) decoded on its own (as the lab's Code D does),
# messages split with a regular expression once the server has closed.
# Usage: python3 Part2.py <server> <port> <command>
import re
import socket
import sys

server, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.connect(socket.getaddrinfo(server, port, socket.AF_INET6)[0][4])
s.send(command.encode())
text = ''
while True:
    data = s.recv(1024)
    if not data:
        break
    text += data.decode()
if command == 'CMD_floodme':
    print(text, end='')
else:
    for message in re.findall(r'This is PMU data \d+', text):
        print(message)
s.close()
