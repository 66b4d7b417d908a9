"""W8: one dynamic segment computed over every customer, timed by the service's own clock.

Usage: python3 bench/w8_compute.py PORT TOKEN   Creates a segment (attributes.score=ge=50, no events for its first
members), waits until it is ready, then changes its rule (attributes.score=ge=25: the customers with scores 25 to 49
enter, each with its history row and segment.entered event) and waits again. Prints one line per computation:
"<name> <seconds from the write to computedAt> <members>".
"""
import json
import sys
import time
import urllib.request
from datetime import datetime

port, token = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}/v1/segments"


def call(method, url, body=None, content_type="application/json"):
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def ready(segment_id):
    while True:
        segment = call("GET", f"{base}/{segment_id}")
        if segment["status"] == "ready":
            return segment
        time.sleep(0.2)


created = call("POST", base, {"name": "W8", "kind": "dynamic", "rule": "attributes.score=ge=50"})
done = ready(created["id"])
print("W8_create", (when(done["computedAt"]) - when(done["updatedAt"])).total_seconds(), done["memberCount"])
changed = call("PATCH", f"{base}/{created['id']}", {"rule": "attributes.score=ge=25"}, "application/merge-patch+json")
done = ready(created["id"])
print("W8_rule_change", (when(done["computedAt"]) - when(done["updatedAt"])).total_seconds(), done["memberCount"])
