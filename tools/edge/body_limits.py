#!/usr/bin/env python3
"""Request-body size limits of the Popcorn server.

POSTs bodies of 2 MB, 10 MB and 100 MB (generated on the fly and streamed in 64 KB pieces, never held in memory)
to a few JSON endpoints, plus one chunked body without Content-Length, and a 1 MB - 1 KB body that must still be
processed normally. Optionally (--pid) reports the server's resident memory before, during and after 16 concurrent
10 MB posts.

Pass, for each oversized body: 413 with Content-Type application/problem+json and a JSON body; for the 10 MB and
100 MB and chunked bodies also answered before the whole body was sent (bytes sent when the answer arrived < body
size). A 2 MB body can fit in the kernel's socket buffers, so for it only the 413 is required; the bytes sent are
still shown. Pass for the 1 MB - 1 KB body: an ordinary answer for its content (2xx or 4xx, not 413, not 5xx).

Bounded: about 20 requests (+16 with --pid), each with a --timeout (default 120 s). Python 3 standard library
only; HTTP/1.1 to 127.0.0.1/localhost only.
"""

import argparse
import json
import re
import os
import select
import socket
import threading
import time

import edgecommon as ec

MB = 1024 * 1024
PIECE = 64 * 1024


def target_list(tokens):
    """(label, method, path, token, prefix, suffix): the body is prefix + 'x' * n + suffix, valid JSON."""
    out = [
        ("register", "POST", "/api/auth/register", None,
         b'{"handle":"edgebig","email":"edgebig@example.org","password":"edge big password","homeCityId":1,"displayName":"',
         b'"}'),
        ("login", "POST", "/api/auth/login", None, b'{"password":"not the password","login":"', b'"}'),
    ]
    if tokens.get("member"):
        out.append(("meetup", "POST", "/api/plugins/meetups/meetups", tokens["member"], b'{"cityId":1,"title":"', b'"}'))
        out.append(("profile", "PATCH", "/api/me", tokens["member"], b'{"bio":"', b'"}'))
    return out


def body_pieces(prefix, suffix, total):
    """Yields exactly `total` bytes: prefix, filler, suffix."""
    fill = total - len(prefix) - len(suffix)
    if fill < 0:
        raise ValueError("body too small")
    yield prefix
    chunk = b"x" * PIECE
    while fill > 0:
        n = min(fill, PIECE)
        yield chunk if n == PIECE else chunk[:n]
        fill -= n
    yield suffix


def post_stream(host, port, method, path, token, pieces, total, chunked=False, timeout=120.0, keep_sending=False):
    """Streams the body; stops sending as soon as any answer byte arrives (keep_sending: goes on sending after the
    answer, like a client that ignores it, until the body is done or the server closes). Returns a dict of what
    happened."""
    t0 = time.monotonic()
    res = {"status": 0, "ctype": "", "body": b"", "sent": 0, "answered_at": None, "total": total, "error": None,
           "closed_while_sending": False, "elapsed": 0.0, "server_closed": False}
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, PIECE)  # small buffer: "sent" stays close to "read by the server"
    s.settimeout(10)
    try:
        s.connect((host.strip("[]"), port))
    except OSError as e:
        res["error"] = "connect: %s" % e
        return res
    head = "%s %s HTTP/1.1\r\nHost: %s:%d\r\nUser-Agent: popcorn-edge-body/1\r\nContent-Type: application/json\r\n" \
           "Accept: application/json\r\n" % (method, path, host, port)
    if token:
        head += "Authorization: Bearer %s\r\n" % token
    head += "Transfer-Encoding: chunked\r\n" if chunked else "Content-Length: %d\r\n" % total
    s.sendall((head + "\r\n").encode())
    s.setblocking(False)
    it = iter(pieces)
    pending = b""
    done_sending = False
    resp = b""
    deadline = t0 + timeout
    answer_deadline = None
    try:
        while time.monotonic() < deadline:
            if keep_sending and done_sending and res["answered_at"] is not None:
                break  # the whole body went out after the answer; the wait for EOF below decides
            want_write = not done_sending and (keep_sending or res["answered_at"] is None)
            r, w, _ = select.select([s], [s] if want_write else [], [], 0.5)
            if r:
                try:
                    data = s.recv(65536)
                except (ConnectionResetError, BrokenPipeError) as e:
                    res["error"] = res["error"] or type(e).__name__
                    res["server_closed"] = True
                    break
                except BlockingIOError:
                    data = None
                if data == b"":
                    res["server_closed"] = True
                    break
                if data:
                    if res["answered_at"] is None:
                        res["answered_at"] = res["sent"]
                        answer_deadline = time.monotonic() + (timeout if keep_sending else 5)
                    resp += data
                    if complete(resp) and not keep_sending:
                        break
            if w and want_write:
                if not pending:
                    nxt = next(it, None)
                    if nxt is None:
                        done_sending = True
                        if chunked:
                            pending = b"0\r\n\r\n"
                    else:
                        pending = (b"%x\r\n" % len(nxt) + nxt + b"\r\n") if chunked else nxt
                if pending:
                    try:
                        n = s.send(pending)
                    except BlockingIOError:
                        n = 0
                    except (BrokenPipeError, ConnectionResetError) as e:
                        res["closed_while_sending"] = True
                        res["error"] = type(e).__name__
                        # the answer may still be readable
                        s.setblocking(True)
                        s.settimeout(2)
                        res["server_closed"] = True
                        try:
                            while not complete(resp):
                                d = s.recv(65536)
                                if not d:
                                    break
                                if res["answered_at"] is None:
                                    res["answered_at"] = res["sent"]
                                resp += d
                        except OSError:
                            pass
                        break
                    pending = pending[n:]
                    res["sent"] += n
            if answer_deadline and time.monotonic() > answer_deadline:
                break
        else:
            res["error"] = res["error"] or "timeout after %.0f s" % timeout
        if resp and not res["server_closed"]:
            # does the server close the connection after its answer? (wait at most 2 s for EOF or a reset)
            s.setblocking(True)
            s.settimeout(2)
            until = time.monotonic() + 2
            try:
                while time.monotonic() < until:
                    d = s.recv(65536)
                    if not d:
                        res["server_closed"] = True
                        break
            except (ConnectionResetError, BrokenPipeError):
                res["server_closed"] = True
            except OSError:
                pass
    finally:
        s.close()
    res["elapsed"] = time.monotonic() - t0
    if resp:
        head, _, body = resp.partition(b"\r\n\r\n")
        lines = head.decode("latin-1", "replace").split("\r\n")
        parts = lines[0].split(" ")
        res["status"] = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
        for ln in lines[1:]:
            k, _, v = ln.partition(":")
            if k.strip().lower() == "content-type":
                res["ctype"] = v.strip()
        res["body"] = body
    return res


def complete(resp):
    head, sep, body = resp.partition(b"\r\n\r\n")
    if not sep:
        return False
    for ln in head.split(b"\r\n")[1:]:
        k, _, v = ln.partition(b":")
        if k.strip().lower() == b"content-length":
            try:
                return len(body) >= int(v.strip())
            except ValueError:
                return False
    if b"chunked" in head.lower():
        return body.endswith(b"0\r\n\r\n")
    return False  # no length: read until the server closes


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def is_problem(r):
    if r["ctype"].split(";")[0].strip() != "application/problem+json":
        return False
    try:
        return isinstance(json.loads(r["body"].decode("utf-8")), dict)
    except Exception:
        return False


LEAKS = re.compile(r"\bat [a-z][a-z0-9_$]*\.[a-z][a-z0-9_$]*\.|Exception|Error:|org\.popcorn|jakarta\.|java\.lang|org\.glassfish|fish\.payara")


def common_checks(t, what, r, key):
    """No 5xx, problem+json for every error, no stack trace or class name."""
    if not r["status"]:
        return
    t.check(r["status"] < 500, "5xx", "%s -> %s" % (what, describe(r)), key=(key, "5xx"))
    if r["status"] >= 400:
        t.check(is_problem(r), "not problem+json", "%s -> %s" % (what, describe(r)), key=(key, "pj"))
    m = LEAKS.search(r["body"].decode("utf-8", "replace"))
    t.check(not m, "leak", "%s -> %d body shows %r" % (what, r["status"], m.group(0) if m else ""), key=(key, "leak"))


def describe(r):
    at = "never" if r["answered_at"] is None else "%.1f MB" % (r["answered_at"] / MB)
    return "%s (%s) after %.2f s; answer arrived with %s of %s sent (%s bytes)%s%s%s; body %s" % (
        r["status"] or "no answer", r["ctype"] or "no Content-Type", r["elapsed"], at,
        "%.1f MB" % (r["total"] / MB) if r["total"] else "a chunked body",
        "?" if r["answered_at"] is None else r["answered_at"],
        "; server closed the connection" if r["server_closed"] else "; connection left open",
        "; connection closed while sending" if r["closed_while_sending"] else "",
        ("; " + r["error"]) if r["error"] and not r["closed_while_sending"] else "",
        ec.snippet(r["body"], 120))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ec.add_common_args(p)
    p.set_defaults(timeout=120.0)
    p.add_argument("--pid", type=int, help="the server's process id: report its RSS around 16 concurrent 10 MB posts")
    p.add_argument("--sizes", default="2,10,100", help="oversized bodies in MB, comma-separated")
    p.add_argument("--chunked-mb", type=float, default=100.0, help="the most the chunked body sends, MB")
    args = p.parse_args()
    host, port = ec.parse_base(args.base)
    client = ec.Client(args.base, 15)
    t = ec.Tally()
    t0 = time.monotonic()
    creds = ec.credentials(args)
    tokens = {}
    if "member" in creds:
        tokens["member"] = client.login(*creds["member"])
    targets = target_list(tokens)
    sizes = [int(float(x) * MB) for x in args.sizes.split(",") if x.strip()]
    ready = client.request("GET", "/health/ready")
    t.check(ready.status == 200, "health", "/health/ready before: %s" % ready.status)

    # ---- a body just under 1 MB is processed normally
    for label, method, path, token, pre, suf in targets:
        size = MB - 1024
        r = post_stream(host, port, method, path, token, body_pieces(pre, suf, size), size, timeout=args.timeout)
        print("%-8s %-5s %-32s 1 MB - 1 KB : %s" % (label, method, path, describe(r)))
        t.check(r["status"] and r["status"] != 413 and r["status"] < 500, "1 MB - 1 KB body not processed normally",
                "%s %s with a %d-byte body -> %s" % (method, path, size, describe(r)), key=(path, "1MB"))
        common_checks(t, "%s %s (1 MB - 1 KB)" % (method, path), r, (path, "1MB"))

    # ---- oversized bodies
    for size in sizes:
        for label, method, path, token, pre, suf in targets:
            r = post_stream(host, port, method, path, token, body_pieces(pre, suf, size), size, timeout=args.timeout)
            print("%-8s %-5s %-32s %5.0f MB    : %s" % (label, method, path, size / MB, describe(r)))
            what = "%s %s with %d MB (Content-Length)" % (method, path, size // MB)
            t.check(r["status"] == 413, "oversized body not refused with 413", "%s -> %s" % (what, describe(r)),
                    key=(path, size))
            common_checks(t, what, r, (path, size))
            if size >= 10 * MB:
                early = r["answered_at"] is not None and r["answered_at"] < size
                t.check(early, "oversized body read to the end before answering",
                        "%s -> %s" % (what, describe(r)), key=(path, size, "early"))
            # the declared Content-Length is over the limit, so the 413 must come without reading the body
            # (what was sent before it arrived is what fits in the socket buffers, far below 1 MiB)
            t.check(r["answered_at"] is not None and r["answered_at"] < MB, "413 not sent on the Content-Length alone",
                    "%s -> %s" % (what, describe(r)), key=(path, size, "immediate"))
            t.check(r["server_closed"], "connection kept open after the 413", "%s -> %s" % (what, describe(r)),
                    key=(path, size, "close"))
            ok = client.request("GET", "/health/ready")
            t.check(ok.status == 200, "health", "/health/ready after %s: %s %s" % (what, ok.status, ok.error or ""))

    # ---- one chunked body, no Content-Length
    label, method, path, token, pre, suf = targets[1] if len(targets) > 1 else targets[0]
    cap = int(args.chunked_mb * MB)
    r = post_stream(host, port, method, path, token, body_pieces(pre, suf, cap), None, chunked=True, timeout=args.timeout)
    print("%-8s %-5s %-32s chunked     : %s" % (label, method, path, describe(r)))
    what = "%s %s chunked (up to %.0f MB, no Content-Length)" % (method, path, cap / MB)
    t.check(r["status"] == 413, "oversized body not refused with 413", "%s -> %s" % (what, describe(r)))
    common_checks(t, what, r, (path, "chunked"))
    t.check(r["answered_at"] is not None and r["answered_at"] < cap, "oversized body read to the end before answering",
            "%s -> %s" % (what, describe(r)))
    t.check(r["server_closed"], "connection kept open after the 413", "%s -> %s" % (what, describe(r)))

    # ---- a client that ignores the 413 and keeps sending: the server must close, not read the rest
    for chunked in (False, True):
        size = max(sizes) if sizes else 100 * MB
        cap = size if not chunked else int(args.chunked_mb * MB)
        r = post_stream(host, port, method, path, token, body_pieces(pre, suf, cap), None if chunked else cap,
                        chunked=chunked, timeout=args.timeout, keep_sending=True)
        what = "%s %s %s, sending on after the answer" % (
            method, path, "chunked (up to %.0f MB)" % (cap / MB) if chunked else "with %d MB (Content-Length)" % (cap // MB))
        after = r["sent"] - (r["answered_at"] or 0)
        print("%-8s %-5s %-32s %-11s : %s; then sent %.1f MB more, %s" % (
            label, method, path, "ignore 413" + (" c" if chunked else ""), describe(r), after / MB,
            "then the server closed" if r["server_closed"] else "connection still open at the end"))
        t.check(r["status"] == 413, "oversized body not refused with 413", "%s -> %s" % (what, describe(r)))
        common_checks(t, what, r, (path, "ignore", chunked))
        t.check(r["server_closed"] and r["sent"] < cap, "server read the rest of the body after its 413",
                "%s -> the server took %.1f MB more after answering (%.1f of %.1f MB in all) %s" % (
                    what, after / MB, r["sent"] / MB, cap / MB,
                    "and then closed" if r["server_closed"] else "and kept the connection open"))

    # ---- 16 concurrent 10 MB posts, with the server's memory
    if args.pid:
        before = rss_kb(args.pid)
        peak = [before or 0]
        results = [None] * 16
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                v = rss_kb(args.pid)
                if v:
                    peak[0] = max(peak[0], v)
                stop.wait(0.2)

        def one(i):
            label, method, path, token, pre, suf = targets[i % len(targets)]
            results[i] = ("%s %s" % (method, path), post_stream(host, port, method, path, token, body_pieces(pre, suf, 10 * MB), 10 * MB,
                                            timeout=args.timeout))
        st = threading.Thread(target=sample, daemon=True)
        st.start()
        ths = [threading.Thread(target=one, args=(i,)) for i in range(16)]
        c0 = time.monotonic()
        for th in ths:
            th.start()
        for th in ths:
            th.join(args.timeout + 10)
        took = time.monotonic() - c0
        time.sleep(2)
        stop.set()
        st.join(2)
        after = rss_kb(args.pid)
        statuses = sorted(str(r[1]["status"]) for r in results if r)
        print("\n16 concurrent 10 MB posts: %.1f s, statuses %s" % (took, statuses))
        if before is None:
            print("RSS: /proc/%d/status not readable" % args.pid)
        else:
            print("server RSS: before %.0f MB, peak %.0f MB, 2 s after %.0f MB (delta %+.0f MB)" % (
                before / 1024, peak[0] / 1024, (after or 0) / 1024, ((after or 0) - before) / 1024))
        for i, r in enumerate(results):
            if not r:
                continue
            path, rr = r
            t.check(rr["status"] == 413, "oversized body not refused with 413 (concurrent)",
                    "concurrent %s 10 MB -> %s" % (path, describe(rr)), key=(path, "conc", rr["status"]))
            common_checks(t, "concurrent %s 10 MB" % path, rr, (path, "conc"))
    ok = client.request("GET", "/health/ready")
    t.check(ok.status == 200, "health", "/health/ready at the end: %s %s" % (ok.status, ok.error or ""))
    t.finish(["", "elapsed %.0f s" % (time.monotonic() - t0)])


if __name__ == "__main__":
    main()
