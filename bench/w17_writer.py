"""W17's writes: records purchases at a fixed rate (open loop) for customers enrolled in the W15 program.

Usage: python3 bench/w17_writer.py PORT RATE SECONDS FIRST OUT   (BENCH_TOKEN and BENCH_IDS from the environment)
Posts POST /v1/customers/{id}/purchases (20.00 EUR, a fresh order reference) to the ids of BENCH_IDS from line FIRST
on, one each; the run's seed gave each of them an account with a spend rule, so each purchase earns 20 points.
Appends one line per purchase to OUT: "<purchase id> <epoch ms when the answer arrived>" (it had committed by then).
Prints {"sent", "failed", "next"} as JSON.
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
        customer, n = queue.get_nowait()
        body = json.dumps({"orderRef": f"W17-{os.getpid()}-{n}", "amount": "20.00", "currency": "EUR"}).encode()
        writer.write((f"POST /v1/customers/{customer}/purchases HTTP/1.1\r\n"
                      f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body)
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        answer = await reader.readexactly(length)
        counts["sent"] += 1
        if status != 201:
            counts["failed"] += 1
        else:
            out.write(f"{json.loads(answer)['id']} {time.time() * 1000:.1f}\n")
    writer.close()


async def main(port, rate, seconds, first, path):
    ids = open(os.environ["BENCH_IDS"]).read().split()
    token = os.environ["BENCH_TOKEN"]
    count = int(rate * seconds)
    queue = asyncio.Queue()
    for i, customer in enumerate(ids[first:first + count]):
        queue.put_nowait((customer, first + i))
    interval = CONNECTIONS / rate
    deadline = time.monotonic() + seconds
    counts = {"sent": 0, "failed": 0}
    with open(path, "a") as out:
        await asyncio.gather(*(connection(port, interval, deadline, token, queue, counts, out, i * interval / CONNECTIONS)
                               for i in range(CONNECTIONS)))
    counts["next"] = first + counts["sent"]
    print(json.dumps(counts))


asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]))
