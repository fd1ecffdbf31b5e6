# Student style, correct: every line of the keyboard, under the first member's CAMIPRO.
# Usage: python3 Part4_Sender.py <group> <port> <camipro>
import socket
import sys

group, port, camipro = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
while True:
    try:
        line = input()
    except EOFError:
        break
    sock.sendto((camipro + line).encode(), (group, port))
