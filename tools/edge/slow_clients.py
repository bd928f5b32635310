#!/usr/bin/env python3
"""Slow-client (slowloris-style) check for the Popcorn server.

Opens N connections (default 250) that each send the headers of a POST with Content-Length 1000 and then trickle
the body one byte every 0.5 s for D seconds (default 30). Meanwhile, every second, it times GET /health/ready and
GET /api/ping on fresh connections.

Pass: every probe answers 200 within --probe-limit seconds (default 2) for the whole run. It also reports how the
server treated the trickling connections: still open, closed without an answer, or answered (with which status),
and after how long.

Bounded: N connections, D seconds (+ a few seconds of set-up and wind-down). Python 3 standard library only;
talks HTTP/1.1 to 127.0.0.1/localhost only. No credentials needed.
"""

import argparse
import selectors
import socket
import threading
import time

import edgecommon as ec


class Slow:
    __slots__ = ("sock", "i", "opened", "sent", "state", "closed_at", "status", "first", "error")

    def __init__(self, sock, i):
        self.sock, self.i = sock, i
        self.opened = time.monotonic()
        self.sent = 0
        self.state = "open"  # open | answered | closed | error
        self.closed_at = None
        self.status = None
        self.first = b""
        self.error = None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ec.add_common_args(p, credentials=False)
    p.add_argument("--connections", "-n", type=int, default=250)
    p.add_argument("--duration", "-d", type=float, default=30.0, help="seconds of trickling")
    p.add_argument("--interval", type=float, default=0.5, help="seconds between two body bytes on each connection")
    p.add_argument("--path", default="/api/auth/login", help="the POST target of the slow bodies")
    p.add_argument("--content-length", type=int, default=1000)
    p.add_argument("--probe-limit", type=float, default=2.0, help="a probe slower than this fails")
    args = p.parse_args()
    if args.connections > 2000 or args.duration > 600:
        raise SystemExit("bounded on purpose: at most 2000 connections and 600 seconds")
    host, port = ec.parse_base(args.base)
    client = ec.Client(args.base, timeout=max(10.0, args.probe_limit * 3))
    t = ec.Tally()
    probes = []  # (seconds since start, path, status, elapsed, error)
    t0 = time.monotonic()

    def probe_once(tag):
        for path in ("/health/ready", "/api/ping"):
            a = client.request("GET", path)
            probes.append((time.monotonic() - t0, tag, path, a.status, a.elapsed, a.error))

    probe_once("before")

    # ---- open the slow connections
    head = ("POST %s HTTP/1.1\r\nHost: %s:%d\r\nUser-Agent: popcorn-edge-slow/1\r\nContent-Type: application/json\r\n"
            "Accept: application/json\r\nContent-Length: %d\r\n\r\n" % (args.path, host, port, args.content_length)).encode()
    body = (b'{"login":"edge-slow","password":"' + b"x" * args.content_length)[:args.content_length]
    slows = []
    refused = 0
    for i in range(args.connections):
        try:
            s = ec.raw_connect(host, port, timeout=5)
            s.sendall(head)
            s.setblocking(False)
            slows.append(Slow(s, i))
        except OSError as e:
            refused += 1
            if refused <= 3:
                print("connection %d could not be opened: %s" % (i, e))
    opened_in = time.monotonic() - t0
    print("opened %d slow connections (%d refused) in %.1f s; trickling 1 byte per %.1f s for %.0f s"
          % (len(slows), refused, opened_in, args.interval, args.duration))

    sel = selectors.DefaultSelector()
    for c in slows:
        sel.register(c.sock, selectors.EVENT_READ, c)

    def finish(c, state, err=None):
        if c.state == "open":
            c.state = state
            c.closed_at = time.monotonic()
            c.error = err
        try:
            sel.unregister(c.sock)
        except (KeyError, ValueError):
            pass
        try:
            c.sock.close()
        except OSError:
            pass

    # ---- probes every second in the background
    stop = threading.Event()

    workers = []

    def one(path):
        a = client.request("GET", path)
        probes.append((time.monotonic() - t0 - a.elapsed, "during", path, a.status, a.elapsed, a.error))

    def prober():
        # every second, two probes on fresh connections, each in its own thread, so a stuck probe delays no other
        while not stop.is_set():
            for path in ("/health/ready", "/api/ping"):
                w = threading.Thread(target=one, args=(path,), daemon=True)
                w.start()
                workers.append(w)
            stop.wait(1.0)

    th = threading.Thread(target=prober, daemon=True)
    th.start()

    # ---- trickle
    end = time.monotonic() + args.duration
    while time.monotonic() < end:
        tick = time.monotonic()
        for c in slows:
            if c.state != "open":
                continue
            if c.sent < len(body):
                try:
                    n = c.sock.send(body[c.sent:c.sent + 1])
                    c.sent += n
                except BlockingIOError:
                    pass
                except OSError as e:
                    finish(c, "closed", "%s" % type(e).__name__)
        # anything to read: an answer, or the server closing
        while True:
            ready = sel.select(timeout=0) if sel.get_map() else []
            if not ready:
                break
            for key, _ in ready:
                c = key.data
                try:
                    data = c.sock.recv(4096)
                except BlockingIOError:
                    continue
                except OSError as e:
                    finish(c, "closed", type(e).__name__)
                    continue
                if not data:
                    finish(c, "answered" if c.first else "closed")
                else:
                    if not c.first:
                        c.first = data
                        line = data.split(b"\r\n", 1)[0].decode("latin-1", "replace")
                        parts = line.split(" ")
                        c.status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else line[:40]
                    finish(c, "answered")
        time.sleep(max(0.0, args.interval - (time.monotonic() - tick)))

    still = [c for c in slows if c.state == "open"]
    for c in slows:
        finish(c, c.state)
    stop.set()
    th.join(10)
    for w in workers:
        w.join(max(0.0, client.timeout + 2 - 0))
    time.sleep(1.0)
    probe_once("after")

    # ---- report
    print("\nprobes (GET /health/ready and GET /api/ping every second):")
    for tag in ("before", "during", "after"):
        ps = [p_ for p_ in probes if p_[1] == tag]
        if ps:
            worst = max(ps, key=lambda x: x[4])
            lat = sorted(p_[4] for p_ in ps)
            bad = [p_ for p_ in ps if p_[3] != 200 or p_[4] > args.probe_limit]
            print("  %-6s %3d probes, slowest %.2f s (%s), median %.2f s, %d over %.1f s or not 200"
                  % (tag, len(ps), worst[4], worst[2], lat[len(lat) // 2], len(bad), args.probe_limit))
    probes.sort(key=lambda x: x[0])
    groups = {}
    for at, tag, path, status, elapsed, error in probes:
        if status == 200 and elapsed <= args.probe_limit:
            t.ok()
            continue
        kind = "no answer within %.0f s" % client.timeout if status == 0 else ("%s in more than %.1f s" % (status, args.probe_limit))
        groups.setdefault((path, tag, kind), []).append((at, elapsed, error))
    for (path, tag, kind), items in groups.items():
        for _ in items:
            t.fail("probe slow or failed", "GET %s (%s the slow uploads): %s -- %d probe(s) sent between t=%.0f s and t=%.0f s, "
                   "slowest %.2f s" % (path, tag, kind, len(items), items[0][0], items[-1][0], max(i[1] for i in items)),
                   key=(path, tag, kind))
    answered = [c for c in slows if c.state == "answered"]
    closed = [c for c in slows if c.state == "closed"]
    print("\nthe %d trickling connections after %.0f s:" % (len(slows), args.duration))
    print("  still open (server waiting for the body): %d" % len(still))
    print("  answered by the server: %d" % len(answered))
    by = {}
    for c in answered:
        by.setdefault(c.status, []).append(c)
    for st, cs in sorted(by.items(), key=lambda kv: str(kv[0])):
        ages = sorted(c.closed_at - c.opened for c in cs)
        print("    status %s: %d, after %.1f-%.1f s (median %.1f s), having sent %d-%d body bytes; e.g. %s"
              % (st, len(cs), ages[0], ages[-1], ages[len(ages) // 2], min(c.sent for c in cs), max(c.sent for c in cs),
                 ec.snippet(cs[0].first.split(b"\r\n\r\n", 1)[-1], 100)))
    if closed:
        ages = sorted(c.closed_at - c.opened for c in closed)
        print("  closed without an answer: %d, after %.1f-%.1f s (median %.1f s)"
              % (len(closed), ages[0], ages[-1], ages[len(ages) // 2]))
    if refused:
        print("  could not be opened: %d" % refused)
    if len(still) == len(slows) and slows:
        print("  => the server kept every slow upload open for the whole %.0f s (no body-read timeout seen)" % args.duration)
    t.finish(["", "elapsed %.0f s, %d probe requests" % (time.monotonic() - t0, len(probes))])


if __name__ == "__main__":
    main()
