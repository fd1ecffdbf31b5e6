# Student style: the lab's group and port hard-coded, the CAMIPRO as the only argument, every line
# of the keyboard sent.
import socket
import sys

MCAST_GRP = '224.1.1.1'
MCAST_PORT = 5005
camipro = sys.argv[1]
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)
for line in sys.stdin:
    sock.sendto((camipro + line.strip()).encode(), (MCAST_GRP, MCAST_PORT))
