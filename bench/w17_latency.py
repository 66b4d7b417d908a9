"""W17's figures: from each purchase's answer (bench/w17_writer.py's lines) to the receipt of the webhook delivery
of its loyalty.points_earned (bench/webhook_receiver.py's GET /segment-events, keyed by purchase id).

Usage: python3 bench/w17_latency.py WRITES EVENTS_JSON
Prints "received/s,p50,p99,p999,lost,duplicated" in ms: lost counts purchases whose points never came, duplicated
receipts beyond the first for one purchase.
"""
import json
import sys


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0


writes = [line.split() for line in open(sys.argv[1]) if line.strip()]
events = json.load(open(sys.argv[2]))
first, duplicated = {}, 0
for webhook_id, kind, purchase, received in events:
    if kind != "purchase":
        continue
    if purchase in first:
        duplicated += 1
        continue
    first[purchase] = received
latencies, lost = [], 0
for purchase, answered in writes:
    received = first.get(purchase)
    if received is None:
        lost += 1
    else:
        latencies.append(received - float(answered))
latencies.sort()
span = (max(float(w[1]) for w in writes) - min(float(w[1]) for w in writes)) / 1000 if writes else 1
print(f"{len(latencies) / max(span, 1):.1f},{percentile(latencies, 50):.2f},{percentile(latencies, 99):.2f},"
      f"{percentile(latencies, 99.9):.2f},{lost},{duplicated}")
