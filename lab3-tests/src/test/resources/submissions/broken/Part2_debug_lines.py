# Broken on purpose: prints debug lines on stdout, which graders parse.
import socket
import sys

server, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
sock.connect((server, port))
print("DEBUG connected to", server, port)
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
    import re
    for m in re.findall(r"This is PMU data \d+?(?=This|$)", text):
        print(m)
