# Student style: reads one line from the keyboard, sends it under the CAMIPRO, and ends.
# Usage: python3 Part4_Sender.py <group> <port> <camipro>
import socket
import sys

group, port, camipro = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)
text = input('Your message: ')
sock.sendto(camipro.encode() + text.encode(), (group, port))
