# Student style: the certificate and key as arguments, each accepted socket wrapped with no try
# around it, one connection served, then the program ends.
# Usage: python3 Part6_PMU.py <cert> <key>
import socket
import ssl
import sys

cert, key = sys.argv[1], sys.argv[2]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(certfile=cert, keyfile=key)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', 5003))
server.listen(5)
conn, addr = server.accept()
conn = context.wrap_socket(conn, server_side=True)
command = conn.recv(1024).decode()
if command.startswith('CMD_short:'):
    for i in range(1, 6):
        conn.send(('This is PMU data ' + str(i)).encode())
conn.close()
server.close()
