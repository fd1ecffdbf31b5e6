# Part 2, written from the lab text alone: a PDC over an IPv6 TCP socket.
# Usage: python3 Part2_A_B.py <server> <port> <command>
import re
import socket
import sys

server, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]

# An IPv6 socket; AI_V4MAPPED lets an IPv4-only server be reached through ::ffff:a.b.c.d.
addr = socket.getaddrinfo(server, port, socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_V4MAPPED)[0][4]
sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
sock.connect(addr)
sock.sendall(command.encode())

if command == "CMD_floodme":
    data = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    print(data.decode())
else:
    # Messages have no delimiter: a message ends where the next one starts, or at the close.
    buf = ""
    message = re.compile(r"This is PMU data \d+(?=This)")
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            break
        buf += chunk.decode()
        while True:
            m = message.match(buf)
            if not m:
                break
            print(m.group(0), flush=True)
            buf = buf[m.end():]
    if buf:
        print(buf, flush=True)
sock.close()
