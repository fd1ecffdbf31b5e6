# Student style: the membership line commented out; the socket never joins the group.
# Usage: python3 Part4_Receiver.py <group> <port>
import socket
import struct
import sys

group = sys.argv[1]
port = int(sys.argv[2])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(('', port))
mreq = struct.pack('4sl', socket.inet_aton(group), socket.INADDR_ANY)
# sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data, addr = sock.recvfrom(4096)
    print(data[6:].decode(errors='replace'), flush=True)
