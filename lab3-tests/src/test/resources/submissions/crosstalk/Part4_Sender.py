# A sender to the lab's group (224.1.1.1:5005, hard-coded), the CAMIPRO as its only argument, that
# sends every line it reads, and keeps sending the last one until it is stopped: its lines are on
# the group for as long as its check runs.
import socket
import sys
import time

camipro = sys.argv[1]
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
line = ''
for line in sys.stdin:
    sock.sendto((camipro + line.strip()).encode(), ('224.1.1.1', 5005))
while True:
    sock.sendto((camipro + line.strip()).encode(), ('224.1.1.1', 5005))
    time.sleep(0.05)
