"""A plain asyncio PMU, the peer of serve-pmu under many sessions: one coroutine per session,
CMD_short:d answered with N messages "This is PMU data i", one write each, d seconds apart; then
FIN, and it waits for the client's close (as serve-pmu lingers).
usage: asyncio_pmu.py HOST N   (prints "listening on [HOST]:PORT" once it listens)"""
import asyncio, sys

async def session(reader, writer):
    try:
        command = (await reader.read(64)).decode("ascii", "replace").strip()
        if command.startswith("CMD_short:"):
            interval = float(command[len("CMD_short:"):])
            for i in range(1, int(sys.argv[2]) + 1):
                if i > 1:
                    await asyncio.sleep(interval)
                writer.write(b"This is PMU data %d" % i)
                await writer.drain()
        writer.write_eof()
        await reader.read()  # until the client closes, as serve-pmu lingers
    except (ConnectionError, ValueError):
        pass
    finally:
        writer.close()

async def main():
    server = await asyncio.start_server(session, sys.argv[1], 0, backlog=4096)
    print("listening on [%s]:%d" % (sys.argv[1], server.sockets[0].getsockname()[1]), flush=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
