# Part 5, written from the lab text alone, on the websocket-client module.
# Usage: python3 Part5_A_B.py <server> <port> <command>
import sys

import websocket

server, port, command = sys.argv[1], sys.argv[2], sys.argv[3]
host = "[" + server + "]" if ":" in server else server


def on_open(ws):
    ws.send(command)


def on_message(ws, message):
    if isinstance(message, bytes):
        message = message.decode()
    print(message, flush=True)


app = websocket.WebSocketApp(
    "ws://" + host + ":" + port + "/", on_open=on_open, on_message=on_message)
app.run_forever()
