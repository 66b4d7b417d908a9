"""W6's event source: logs interactions through the API at a fixed rate (open loop), one event each.

Usage: python3 bench/w6_writer.py PORT RATE SECONDS   (BENCH_TOKEN and BENCH_IDS from the environment)
Each of CONNECTIONS keep-alive connections sends at RATE / CONNECTIONS on its own schedule, so a slow answer does
not lower the rate unless it is slower than the interval. Prints {"sent", "failed", "lag_p50_ms", "lag_p99_ms"} as
JSON: failed counts answers other than 201, lag is how far behind its schedule a request was sent.
"""
import asyncio
import json
import os
import random
import sys
import time

CONNECTIONS = 16


async def connection(port, interval, deadline, ids, token, counts, lags, offset):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = time.monotonic() + offset
    k = 0
    while True:
        due = start + k * interval
        if due >= deadline:
            break
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        lags.append(max(0.0, time.monotonic() - due) * 1000)
        k += 1
        body = json.dumps({"type": "note", "channel": "bench", "summary": "W6"}).encode()
        writer.write((f"POST /v1/customers/{random.choice(ids)}/interactions HTTP/1.1\r\n"
                      f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body)
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await reader.readexactly(length)
        counts["sent"] += 1
        if status != 201:
            counts["failed"] += 1
    writer.close()


async def main(port, rate, seconds):
    ids = open(os.environ["BENCH_IDS"]).read().split()
    token = os.environ["BENCH_TOKEN"]
    interval = CONNECTIONS / rate
    deadline = time.monotonic() + seconds
    counts, lags = {"sent": 0, "failed": 0}, []
    await asyncio.gather(*(connection(port, interval, deadline, ids, token, counts, lags, i * interval / CONNECTIONS)
                           for i in range(CONNECTIONS)))
    lags.sort()
    counts["lag_p50_ms"] = round(lags[len(lags) // 2], 1) if lags else None
    counts["lag_p99_ms"] = round(lags[int(len(lags) * 0.99)], 1) if lags else None
    print(json.dumps(counts))


asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])))
