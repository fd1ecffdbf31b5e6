# Student style: the second member's CAMIPRO hard-coded (the lab asks for one instance per member).
# Usage: python3 Part4_Sender.py <group> <port> [camipro, ignored]
import socket
import sys

group, port = sys.argv[1], int(sys.argv[2])
ID = b'222222'
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
for line in sys.stdin:
    sock.sendto(ID + line.rstrip('\n').encode(), (group, port))
