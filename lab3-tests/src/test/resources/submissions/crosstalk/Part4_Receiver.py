# A receiver of the lab's group (224.1.1.1:5005, hard-coded) that stops with an error as soon as it
# hears a line of its own hand-in's sender (CAMIPRO 111111): graded while the sender check of the
# same hand-in runs on the same group, it fails (cross-talk); graded alone, it passes.
import socket
import struct
import sys

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(('', 5005))
mreq = struct.pack('4sl', socket.inet_aton('224.1.1.1'), socket.INADDR_ANY)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data = sock.recv(10240)
    if data.startswith(b'111111') or data.startswith(b'222222'):
        sys.exit('heard the sender check of my own hand-in: ' + data.decode(errors='replace'))
    print(data[6:].decode(errors='replace'), flush=True)
