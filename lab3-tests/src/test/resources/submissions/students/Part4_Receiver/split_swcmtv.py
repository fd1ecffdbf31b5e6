# Student style: joins with INADDR_ANY and keeps what follows 'swcmTV': crashes (IndexError) on
# the first subscriber's message, which carries a CAMIPRO number in its place.
# Usage: python3 Part4_Receiver.py <group> <port>
import socket
import struct
import sys

MCAST_GRP = sys.argv[1]
MCAST_PORT = int(sys.argv[2])

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(('', MCAST_PORT))
mreq = struct.pack('4sl', socket.inet_aton(MCAST_GRP), socket.INADDR_ANY)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data = sock.recv(1024)
    print(data.decode().split('swcmTV')[1], flush=True)
