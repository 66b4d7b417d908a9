"""W7's figures: from each write's answer (bench/w7_writer.py's lines) to the receipt of its segment.entered.

Usage: python3 bench/w7_latency.py WRITES SEGMENT_EVENTS_JSON BANDS_JSON
BANDS_JSON maps each band to its segment id. Prints "received/s,p50,p99,p999,lost,duplicated" where lost counts
writes whose customer's segment.entered never came, and duplicated receipts of the same (segment, customer) or the
same webhook-id beyond the first.
"""
import json
import sys


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0


writes = [line.split() for line in open(sys.argv[1]) if line.strip()]
events = json.load(open(sys.argv[2]))
bands = json.load(open(sys.argv[3]))
first = {}
duplicated = 0
seen_ids = set()
for webhook_id, segment, customer, received in events:
    if webhook_id in seen_ids or (segment, customer) in first:
        duplicated += 1
        continue
    seen_ids.add(webhook_id)
    first[(segment, customer)] = received
latencies, lost = [], 0
for customer, band, answered in writes:
    received = first.get((bands[band], customer))
    if received is None:
        lost += 1
    else:
        latencies.append(received - float(answered))
latencies.sort()
span = (max(float(w[2]) for w in writes) - min(float(w[2]) for w in writes)) / 1000 if writes else 1
print(f"{len(latencies) / max(span, 1):.1f},{percentile(latencies, 50):.2f},{percentile(latencies, 99):.2f},"
      f"{percentile(latencies, 99.9):.2f},{lost},{duplicated}")
