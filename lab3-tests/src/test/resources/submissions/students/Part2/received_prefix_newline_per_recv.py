# Student style: a "received:" label before each message, and a floodme printed one recv() at a
# time (print adds a newline after each 1024-byte chunk), each chunk decoded on its own.
# Usage: python3 Part2.py <server> <port> <command>
import re
import socket
import sys

server, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
print_debug = False
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.connect(socket.getaddrinfo(server, port, socket.AF_INET6)[0][4])
s.send(command.encode())
if command == 'CMD_floodme':
    while True:
        data = s.recv(1024)
        if not data:
            break
        print(data.decode())
else:
    buffer = ''
    while True:
        data = s.recv(1024)
        if not data:
            break
        buffer += data.decode()
        # a message is complete once the next one has started
        while True:
            m = re.match(r'This is PMU data \d+(?=This)', buffer)
            if not m:
                break
            print('received: ' + m.group(0))
            buffer = buffer[m.end():]
    if buffer:
        print('received: ' + buffer)
s.close()
