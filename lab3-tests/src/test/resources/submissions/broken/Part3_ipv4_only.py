# Broken on purpose: a careful client (it checks the sender and the ack) that hard-codes
# IPv4, so it never reaches a server that runs on IPv6.
import re
import socket
import sys

server, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1.0)
address = (socket.gethostbyname(server), port)
while True:
    s.sendto(b"RESET:20", address)
    try:
        while True:
            data, sender = s.recvfrom(1024)
            m = re.fullmatch(r"OFFSET=(\d+)\n?", data.decode(errors="replace"))
            if sender == address and m and int(m.group(1)) <= 20:
                print(data.decode().strip(), flush=True)
                sys.exit(0)
    except socket.timeout:
        pass
