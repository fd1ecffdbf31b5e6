# Part 4.1 as written for the lab's Wi-Fi: bind to every address, join with INADDR_ANY (the
# kernel picks the interface) and print what is multicast on the group.
# Usage: python3 Part4_Receiver_A_B.py <group> <port>
import socket
import struct
import sys

group, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", port))
mreq = struct.pack("4sl", socket.inet_aton(group), socket.INADDR_ANY)
s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data, addr = s.recvfrom(65535)
    print(data[:6].decode(errors="replace") + ": " + data[6:].decode(errors="replace"), flush=True)
