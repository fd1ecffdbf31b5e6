# Part 6, written from the lab text alone: the PMU of Part 2 over TLS on localhost:5003.
# Usage: python3 Part6_PMU_A_B.py [cert.pem key.pem]  (default: <A>_cert.pem and <A>_key.pem here)
import os
import socket
import ssl
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
camipro = os.path.basename(__file__).split("_")[2]
cert = sys.argv[1] if len(sys.argv) > 2 else os.path.join(here, camipro + "_cert.pem")
key = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, camipro + "_key.pem")

context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("localhost", 5003))
sock.listen(5)
while True:
    conn, addr = sock.accept()
    try:
        tls = context.wrap_socket(conn, server_side=True)
        command = tls.recv(64).decode()
        if command.upper().startswith("CMD_SHORT:"):
            d = float(command.split(":")[1])
            for i in range(1, 11):
                tls.sendall(("This is PMU data %d" % i).encode())
                if i < 10:
                    time.sleep(d)
        tls.close()
    except (ssl.SSLError, OSError, ValueError):
        conn.close()
