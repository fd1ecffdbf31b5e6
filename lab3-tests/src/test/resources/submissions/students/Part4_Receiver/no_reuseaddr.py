# Student style, correct: joins with INADDR_ANY, no SO_REUSEADDR, prints the text after the ID.
# Usage: python3 Part4_Receiver.py <group> <port>
import socket
import struct
import sys

group, port = sys.argv[1], int(sys.argv[2])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(('', port))
mreq = struct.pack('=4sl', socket.inet_aton(group), socket.INADDR_ANY)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data = sock.recv(2048)
    print(data[:6].decode(errors='replace').strip() + ': ' + data[6:].decode(errors='replace'),
          flush=True)
