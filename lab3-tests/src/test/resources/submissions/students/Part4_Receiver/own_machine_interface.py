# Student style: joins the group on the address of the laptop it was written on (the lab's Wi-Fi),
# copied into ip_mreq in place of INADDR_ANY. Elsewhere IP_ADD_MEMBERSHIP fails: "Cannot assign
# requested address".
# Usage: python3 Part4_Receiver.py <group> <port>
import socket
import struct
import sys

group, port = sys.argv[1], int(sys.argv[2])
MY_IP = '192.168.1.34'
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(('', port))
mreq = struct.pack('4s4s', socket.inet_aton(group), socket.inet_aton(MY_IP))
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data = sock.recv(2048)
    print(data[6:].decode(errors='replace'), flush=True)
