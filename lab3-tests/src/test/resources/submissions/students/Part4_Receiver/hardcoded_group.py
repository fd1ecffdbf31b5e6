# Student style: the lab's group and port hard-coded (224.1.1.1, 5005), no argument; joins with
# INADDR_ANY and prints the ID and the text of every message.
import socket
import struct

MCAST_GRP = '224.1.1.1'
MCAST_PORT = 5005
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(('', MCAST_PORT))
mreq = struct.pack('4sl', socket.inet_aton(MCAST_GRP), socket.INADDR_ANY)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data = sock.recv(10240)
    print('[' + data[:6].decode() + '] ' + data[6:].decode(), flush=True)
