"""W20: one import of N customers as NDJSON, sent in parts of up to 1 MB by 4 uploaders, then applied.

Usage: w20_import.py port token rows service-pid
Prints one line: rows parts upload_s apply_s created updated failed rss_max_mb rss_start_mb
(RSS of the service sampled every 0.5 s from the first part to the end; the rows are generated as they are sent,
so the load generator's memory stays flat too).
"""
import concurrent.futures
import json
import sys
import threading
import time
import urllib.request

port, token, rows, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
base = f"http://127.0.0.1:{port}/v1/imports"
run = str(int(time.time()))
ROWS_PER_PART = 3500


def call(method, url, body=None, content_type="application/json"):
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read() or b"null")


def rss_mb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def row(i):
    return json.dumps({
        "externalId": f"W20-{run}-{i}",
        "givenName": f"Given{i % 5000}",
        "familyName": f"Family{i % 7919}",
        "emails": [{"address": f"w20.{run}.{i}@example.com"}],
        "phones": [{"number": f"+44 7400 {i % 1000000:06d}"}],
        "tags": ["imported", f"cohort-{i % 12}"],
        "attributes": {"source": "w20", "score": i % 100},
    }, separators=(",", ":"))


def part(n):
    first = (n - 1) * ROWS_PER_PART
    last = min(first + ROWS_PER_PART, rows)
    body = "\n".join(row(i) for i in range(first, last)).encode()
    assert len(body) < 1_000_000, len(body)
    for attempt in range(3):
        try:
            return call("PUT", f"{base}/{job}/parts/{n}", body, "application/x-ndjson")["rows"]
        except Exception:
            if attempt == 2:
                raise
            time.sleep(1)


peak = [0]
done = threading.Event()


def sample():
    while not done.is_set():
        peak[0] = max(peak[0], rss_mb())
        time.sleep(0.5)


job = call("POST", base, json.dumps({"format": "ndjson"}).encode())["id"]
parts = (rows + ROWS_PER_PART - 1) // ROWS_PER_PART
start_rss = rss_mb()
threading.Thread(target=sample, daemon=True).start()
started = time.time()
with concurrent.futures.ThreadPoolExecutor(4) as uploaders:
    sent = sum(uploaders.map(part, range(1, parts + 1)))
uploaded = time.time()
assert sent == rows, (sent, rows)
call("POST", f"{base}/{job}/start")
while True:
    state = call("GET", f"{base}/{job}")
    if state["status"] not in ("queued", "running"):
        break
    time.sleep(0.5)
finished = time.time()
done.set()
progress = state["progress"]
print(state["status"], rows, parts, f"{uploaded - started:.1f}", f"{finished - uploaded:.1f}", progress["created"],
      progress["updated"], progress["failed"], peak[0], start_rss)
