# Student style: reads each message with recv(18), the length of "This is PMU data 1".
# Works up to message 9; message 10 has 19 bytes.
# Usage: python3 Part2.py <server> <port> <command>
import socket
import sys

server = sys.argv[1]
port = int(sys.argv[2])
command = sys.argv[3]

info = socket.getaddrinfo(server, port, socket.AF_INET6, socket.SOCK_STREAM)
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.connect(info[0][4])
s.send(command.encode())
if command == 'CMD_floodme':
    text = b''
    while True:
        data = s.recv(1024)
        if not data:
            break
        text += data
    print(text.decode())
else:
    while True:
        data = s.recv(18)
        if not data:
            break
        print(data.decode())
s.close()
