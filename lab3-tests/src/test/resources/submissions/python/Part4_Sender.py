# Part 4.2, from the lab text: send each line typed to the group, after a 6-byte CAMIPRO.
# Usage: python3 Part4_Sender_A_B.py <group> <port> <camipro> [interface-address]
# The interface defaults to 127.0.0.1 (loopback) with TTL 1: nothing leaves the machine.
import socket
import sys

group, port, camipro = sys.argv[1], int(sys.argv[2]), sys.argv[3]
interface = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(interface))
for line in sys.stdin:
    s.sendto(camipro.encode() + line.rstrip("\n").encode(), (group, port))
