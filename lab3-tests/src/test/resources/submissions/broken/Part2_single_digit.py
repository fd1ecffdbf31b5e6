# Broken on purpose: splits messages with a one-digit pattern, so "This is PMU data 12"
# comes out as "This is PMU data 1". Right for n < 10 only.
import re
import socket
import sys

server, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
sock.connect((server, port))
sock.sendall(command.encode())
data = b""
while True:
    chunk = sock.recv(4096)
    if not chunk:
        break
    data += chunk
text = data.decode()
if command == "CMD_floodme":
    print(text)
else:
    for m in re.findall(r"This is PMU data \d", text):
        print(m)
