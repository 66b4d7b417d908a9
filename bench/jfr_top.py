"""Prints where a JFR recording's CPU samples are: the hottest methods (self) and the share per code area
(inclusive: a sample counts for every area on its stack). Usage: python3 bench/jfr_top.py service.jfr"""
import collections
import json
import subprocess
import sys

AREAS = [("token verification (jose4j)", "org.jose4j."), ("Jackson", "com.fasterxml.jackson."),
         ("Hibernate", "org.hibernate."), ("Vert.x PG client", "io.vertx.pgclient."), ("Netty", "io.netty."),
         ("Mutiny", "io.smallrye.mutiny."), ("context propagation", "io.smallrye.context."),
         ("RESTEasy Reactive", "org.jboss.resteasy.reactive."), ("GraphQL", "graphql."),
         ("SmallRye GraphQL", "io.smallrye.graphql."), ("Quarkus security", "io.quarkus.security."),
         ("Quarkus OIDC", "io.quarkus.oidc."), ("Rapport", "dev.rapport."), ("Micrometer", "io.micrometer."),
         ("bean validation", "org.hibernate.validator."), ("MapStruct mappers", "MapperImpl")]

raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]
top, areas = collections.Counter(), collections.Counter()
for event in events:
    frames = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in event["values"]["stackTrace"]["frames"]]
    if not frames:
        continue
    top[frames[0]] += 1
    for name, prefix in AREAS:
        if any(prefix in frame for frame in frames):
            areas[name] += 1
total = max(len(events), 1)
print(f"{len(events)} CPU samples\n\nShare of samples with the area on the stack:")
for name, count in areas.most_common():
    print(f"  {count / total:6.1%}  {name}")
print("\nHottest methods (self):")
for frame, count in top.most_common(30):
    print(f"  {count / total:6.1%}  {frame}")
