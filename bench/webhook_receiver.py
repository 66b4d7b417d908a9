"""W6's webhook receiver: answers every delivery with 204 and records how long after the event was written it came.

The events are written through the API by bench/w6_writer.py; an envelope's createdAt is the time its transaction
started, a few milliseconds before it committed, so the figures are commit-to-receipt plus that transaction's own
duration. GET /stats returns {"received", "p50", "p99", "p999", "max"} in ms; DELETE /stats resets.
"""
import json
import re
import sys
from datetime import datetime
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

latencies = []
lock = threading.Lock()


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        received = time.time() * 1000
        created = json.loads(body).get("createdAt")
        if created is not None:
            # Python parses at most microseconds; the service may print nanoseconds.
            created = re.sub(r"(\.\d{6})\d+", r"\1", created.replace("Z", "+00:00"))
            with lock:
                latencies.append(received - datetime.fromisoformat(created).timestamp() * 1000)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        with lock:
            values = list(latencies)
        stats = {"received": len(values), "p50": percentile(values, 50), "p99": percentile(values, 99),
                 "p999": percentile(values, 99.9), "max": max(values) if values else None}
        body = json.dumps(stats).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_DELETE(self):
        with lock:
            latencies.clear()
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
