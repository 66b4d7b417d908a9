"""Prints where a JFR recording's CPU samples are: the share per code area, inclusive (a sample counts for every
area on its stack) and as owner (the sample's innermost frame outside the JDK decides: what a library costs by
itself, JDK calls included), and the hottest methods (self). Usage: python3 bench/jfr_top.py service.jfr"""
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
         ("bean validation", "org.hibernate.validator."), ("MapStruct mappers", "MapperImpl"),
         ("Vert.x", "io.vertx."), ("ArC (CDI)", "io.quarkus.arc."), ("JSON-P (Parsson)", "org.eclipse.parsson."),
         ("DataLoader", "org.dataloader.")]



def area_of(frame):
    """The area a frame belongs to: the longest package prefix it starts with (or a class-name part it contains)."""
    matches = [(len(key), name) for name, key in AREAS
               if (frame.startswith(key) if key.endswith(".") else key in frame)]
    return max(matches)[1] if matches else None


raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]
JDK = ("java.", "jdk.", "sun.")
top, areas, owners = collections.Counter(), collections.Counter(), collections.Counter()
for event in events:
    # JFR names types with slashes (io/smallrye/...); hidden classes such as lambdas with dots.
    frames = [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}"
              for f in event["values"]["stackTrace"]["frames"]]
    if not frames:
        continue
    top[frames[0]] += 1
    for name in {area_of(frame) for frame in frames} - {None}:
        areas[name] += 1
    owner = next((frame for frame in frames if not frame.startswith(JDK)), None)
    owners[(area_of(owner) or "other") if owner else "JDK only"] += 1
total = max(len(events), 1)
print(f"{len(events)} CPU samples\n\nShare of samples with the area on the stack:")
for name, count in areas.most_common():
    print(f"  {count / total:6.1%}  {name}")
print("\nShare of samples by owner (innermost frame outside the JDK):")
for name, count in owners.most_common():
    print(f"  {count / total:6.1%}  {name}")
print("\nHottest methods (self):")
for frame, count in top.most_common(30):
    print(f"  {count / total:6.1%}  {frame}")
