# Student style: reads the key and certificate from its own folder, wraps each accepted socket
# with no try around it (a client that closes before the handshake kills the server).
import os
import socket
import ssl

here = os.path.dirname(os.path.abspath(__file__))
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(os.path.join(here, '111111_cert.pem'), os.path.join(here, '111111_key.pem'))
bindsocket = socket.socket()
bindsocket.bind(('', 5003))
bindsocket.listen(5)
while True:
    newsocket, fromaddr = bindsocket.accept()
    connstream = context.wrap_socket(newsocket, server_side=True)
    data = connstream.recv(1024)
    if data == b'CMD_short:0':
        for i in range(1, 4):
            connstream.send(b'This is PMU data %d' % i)
    connstream.close()
