"""W6's webhook receiver: answers every delivery with 204 and records how long after the event was written it came.

The events are written through the API by bench/w6_writer.py; an envelope's createdAt is the time its transaction
started, a few milliseconds before it committed, so the figures are commit-to-receipt plus that transaction's own
duration. W7's segment events and W9's trigger.fired events are also kept as (webhook-id, segment or trigger id,
customer id, epoch ms received), and W17's loyalty.points_earned as (webhook-id, "purchase", purchase id, epoch ms
received), served by GET /segment-events. GET /stats returns {"received", "p50", "p99", "p999", "max", "cpu_ms"} in ms (cpu_ms: this process's own
CPU time); DELETE /stats resets.

One asyncio thread parsing just enough HTTP/1.1: the receiver shares two cores with the service, PostgreSQL and the
writer, and must not be what W6 measures. (Python's threaded http.server needed so much CPU per request that its
eight keep-alive connections, the service's limit per endpoint, topped out near 500 deliveries/s.)
"""
import asyncio
import json
import re
import sys
import time
from datetime import datetime

CREATED_AT = re.compile(rb'"createdAt":"([^"]+)"')
SEGMENT_CHANGE = re.compile(rb'"(?:segmentId|triggerId)":"([^"]+)".*?"customerId":"([^"]+)"')
# W17: the purchase a loyalty.points_earned delivery earned for
POINTS_EARNED = re.compile(rb'"type":"loyalty.points_earned".*?"purchaseId":"([^"]+)"')
latencies = []
# W7 and W9: (webhook-id, segment or trigger id, customer id, epoch ms received) of each segment event or firing,
# served by GET /segment-events
segment_events = []
cpu_at_reset = time.process_time()


def percentile(ordered, p):
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def created_ms(body):
    match = CREATED_AT.search(body)
    if match is None:
        return None
    # Python parses at most microseconds; the service may print nanoseconds.
    text = re.sub(r"(\.\d{6})\d+", r"\1", match.group(1).decode().replace("Z", "+00:00"))
    return datetime.fromisoformat(text).timestamp() * 1000


def stats():
    ordered = sorted(latencies)
    return json.dumps({"received": len(ordered), "p50": percentile(ordered, 50), "p99": percentile(ordered, 99),
                       "p999": percentile(ordered, 99.9), "max": ordered[-1] if ordered else None,
                       "cpu_ms": (time.process_time() - cpu_at_reset) * 1000}).encode()


async def connection(reader, writer):
    global cpu_at_reset
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            method = head[:head.index(b" ")]
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length) if length else b""
            received = time.time() * 1000
            if method == b"POST":
                created = created_ms(body)
                if created is not None:
                    latencies.append(received - created)
                change = SEGMENT_CHANGE.search(body)
                earned = POINTS_EARNED.search(body) if change is None else None
                if change is not None or earned is not None:
                    webhook_id = next((line.partition(b":")[2].strip() for line in head.split(b"\r\n")
                                       if line.lower().startswith(b"webhook-id:")), b"")
                    segment_events.append(
                        (webhook_id.decode(), change.group(1).decode(), change.group(2).decode(), received)
                        if change is not None
                        else (webhook_id.decode(), "purchase", earned.group(1).decode(), received))
                writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
            elif method == b"GET":
                answer = json.dumps(segment_events).encode() if head.startswith(b"GET /segment-events") else stats()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                             + str(len(answer)).encode() + b"\r\n\r\n" + answer)
            else:
                latencies.clear()
                segment_events.clear()
                cpu_at_reset = time.process_time()
                writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port):
    server = await asyncio.start_server(connection, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
