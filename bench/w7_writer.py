"""W7's writes: moves customers into segments at a fixed rate (open loop), each write a different customer.

Usage: python3 bench/w7_writer.py PORT RATE SECONDS FIRST BANDS OUT   (BENCH_TOKEN and BENCH_IDS from the environment)
Writes PATCH /v1/customers/{id} {"attributes": {"w7band": b}} to the ids of BENCH_IDS from line FIRST on, one each,
with b cycling over 0..BANDS-1: a customer in no band segment enters exactly one (bench/run.sh defines one dynamic
segment per band, attributes.w7band==b). Appends one line per write to OUT: "<customer id> <band> <epoch ms when
the answer arrived>" (the write had committed by then). Prints {"sent", "failed", "next"} as JSON: next is the line
of BENCH_IDS after the last id used.
"""
import asyncio
import json
import os
import sys
import time

CONNECTIONS = 16


async def connection(port, interval, deadline, token, queue, counts, out, offset):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = time.monotonic() + offset
    k = 0
    while True:
        due = start + k * interval
        if due >= deadline or queue.empty():
            break
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        k += 1
        customer, band = queue.get_nowait()
        body = json.dumps({"attributes": {"w7band": band}}).encode()
        writer.write((f"PATCH /v1/customers/{customer} HTTP/1.1\r\n"
                      f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                      f"Content-Type: application/merge-patch+json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
                     + body)
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await reader.readexactly(length)
        counts["sent"] += 1
        if status != 200:
            counts["failed"] += 1
        else:
            out.write(f"{customer} {band} {time.time() * 1000:.1f}\n")
    writer.close()


async def main(port, rate, seconds, first, bands, path):
    ids = open(os.environ["BENCH_IDS"]).read().split()
    token = os.environ["BENCH_TOKEN"]
    count = int(rate * seconds)
    queue = asyncio.Queue()
    for i, customer in enumerate(ids[first:first + count]):
        queue.put_nowait((customer, (first + i) % bands))
    interval = CONNECTIONS / rate
    deadline = time.monotonic() + seconds
    counts = {"sent": 0, "failed": 0}
    with open(path, "a") as out:
        await asyncio.gather(*(connection(port, interval, deadline, token, queue, counts, out, i * interval / CONNECTIONS)
                               for i in range(CONNECTIONS)))
    counts["next"] = first + counts["sent"]
    print(json.dumps(counts))


asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]),
                 sys.argv[6]))
