"""Shared helpers for the hostile-client scripts in tools/edge (Python 3 standard library only).

Everything here talks HTTP/1.1 to 127.0.0.1 / localhost only: a --base pointing anywhere else is refused.
"""

import argparse
import http.client
import json
import re
import socket
import sys
import threading
import time
import urllib.parse

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def parse_base(base):
    """Returns (host, port) of a local http:// base URL, or exits."""
    u = urllib.parse.urlsplit(base)
    if u.scheme != "http":
        sys.exit("--base must be an http:// URL (got %r)" % base)
    host = u.hostname or ""
    if host not in LOCAL_HOSTS:
        sys.exit("refusing to talk to %r: these scripts only ever talk to 127.0.0.1 / localhost" % host)
    if u.path not in ("", "/"):
        sys.exit("--base is the server root, e.g. http://127.0.0.1:18282 (no path)")
    return host, u.port or 80


def add_common_args(p, credentials=True):
    p.add_argument("--base", required=True, help="server root, e.g. http://127.0.0.1:18282 (local only)")
    if credentials:
        p.add_argument("--logins", metavar="FILE",
                       help="demo-logins.txt as written by POPCORN_DEMO=true (fan, organiser, admin)")
        p.add_argument("--member", metavar="LOGIN:PASSWORD", help="an ordinary member")
        p.add_argument("--admin", metavar="LOGIN:PASSWORD", help="an admin")
        p.add_argument("--organiser", metavar="LOGIN:PASSWORD", help="an organiser (optional)")
    p.add_argument("--timeout", type=float, default=15.0, help="socket timeout per request, seconds")


def credentials(args):
    """{'member': (login, pw), 'admin': ..., 'organiser': ...} from --logins and/or the explicit options."""
    out = {}
    if getattr(args, "logins", None):
        with open(args.logins, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"\s*(fan|organiser|admin):\s*(\S+)\s*/\s*(\S+)", line)
                if m:
                    role = "member" if m.group(1) == "fan" else m.group(1)
                    out[role] = (m.group(2), m.group(3))
    for role in ("member", "admin", "organiser"):
        v = getattr(args, role, None)
        if v:
            if ":" not in v:
                sys.exit("--%s is LOGIN:PASSWORD" % role)
            login, pw = v.split(":", 1)
            out[role] = (login, pw)
    return out


class Answer:
    __slots__ = ("status", "headers", "body", "elapsed", "error", "reason")

    def __init__(self, status=0, headers=None, body=b"", elapsed=0.0, error=None, reason=""):
        self.status = status
        self.reason = reason
        self.headers = headers or {}
        self.body = body
        self.elapsed = elapsed
        self.error = error

    @property
    def ctype(self):
        return self.headers.get("content-type", "")

    def text(self, limit=None):
        b = self.body if limit is None else self.body[:limit]
        return b.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except Exception:
            return None


class Client:
    """One fresh HTTP/1.1 connection per request (the server closes after most error answers anyway)."""

    def __init__(self, base, timeout=15.0):
        self.host, self.port = parse_base(base)
        self.timeout = timeout
        self.count = 0
        self._lock = threading.Lock()

    def request(self, method, path, body=None, headers=None, token=None, content_type="application/json",
                timeout=None, max_body=4 * 1024 * 1024):
        """path is sent as is (already percent-encoded). body: bytes, str, or a JSON-able object (None: no body)."""
        with self._lock:
            self.count += 1
        h = {"Accept": "application/json, application/problem+json, */*", "User-Agent": "popcorn-edge/1"}
        if token:
            h["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            if isinstance(body, bytes):
                data = body
            elif isinstance(body, str):
                data = body.encode("utf-8")
            else:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            if content_type:
                h["Content-Type"] = content_type
        elif method in ("POST", "PUT", "PATCH") and content_type:
            h["Content-Type"] = content_type
        if headers:
            h.update(headers)
        t0 = time.monotonic()
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout or self.timeout)
        try:
            conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
            for k, v in h.items():
                conn.putheader(k, v)
            if data is not None or method in ("POST", "PUT", "PATCH"):
                conn.putheader("Content-Length", str(len(data or b"")))
            try:
                conn.endheaders(data)
            except (BrokenPipeError, ConnectionResetError):
                # A server may answer before the whole body arrived (413) and close (RFC 9110, 15.5.14):
                # the answer is then already waiting to be read.
                pass
            r = conn.getresponse()
            b = r.read(max_body)
            return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, b, time.monotonic() - t0, reason=r.reason)
        except Exception as e:  # noqa: BLE001 - every transport failure is a result here
            return Answer(0, {}, b"", time.monotonic() - t0, "%s: %s" % (type(e).__name__, e))
        finally:
            conn.close()

    def login(self, login, password):
        a = self.request("POST", "/api/auth/login", {"login": login, "password": password})
        j = a.json() if a.status == 200 else None
        if not j or "token" not in j:
            raise RuntimeError("log-in as %s failed: %s %s" % (login, a.status, a.text(300) or a.error))
        return j["token"]


class Tally:
    """Pass/fail bookkeeping; failures keep a short description each. Answers that match a documented known limit
    (see README.md) are counted and listed apart: neither a pass nor a failure."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []
        self.known = []  # (category, text, key, who)
        self._lock = threading.Lock()

    def known_limit(self, category, text, key=None, who=None):
        with self._lock:
            self.known.append((category, text, key if key is not None else text, who))

    def ok(self, n=1):
        with self._lock:
            self.passed += n

    def fail(self, category, text, key=None, who=None):
        """key groups repeats of one finding (e.g. the same input as several users) into one printed line."""
        with self._lock:
            self.failed += 1
            self.failures.append((category, text, key if key is not None else text, who))

    def check(self, cond, category, text, key=None, who=None):
        if cond:
            self.ok()
        else:
            self.fail(category, text, key, who)
        return cond

    @staticmethod
    def _print_grouped(items, noun):
        by = {}
        for cat, text, key, who in items:
            g = by.setdefault(cat, {})
            if key not in g:
                g[key] = [text, 0, []]
            g[key][1] += 1
            if who and who not in g[key][2]:
                g[key][2].append(who)
        for cat, groups in by.items():
            print("\n[%s] %d %s, %d distinct" % (cat, sum(v[1] for v in groups.values()), noun, len(groups)))
            for text, n, whos in groups.values():
                tail = ""
                if n > 1 or whos:
                    tail = "  (x%d%s)" % (n, ("; as " + ", ".join(whos)) if whos else "")
                print("  - " + text + tail)

    def finish(self, extra_lines=()):
        if self.known:
            print("\nKNOWN LIMITS (%d answer(s), documented in README.md; neither passed nor failed)" % len(self.known))
            self._print_grouped(self.known, "answer(s)")
        if self.failures:
            print("\nFAILURES (%d, grouped)" % len(self.failures))
            self._print_grouped(self.failures, "failure(s)")
        for line in extra_lines:
            print(line)
        if self.known:
            print("%d known-limit answer(s), listed under KNOWN LIMITS" % len(self.known))
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)


class HealthPoller(threading.Thread):
    """Polls GET /health/ready every `interval` seconds on a fresh connection; remembers every answer."""

    def __init__(self, client, interval=1.0, path="/health/ready"):
        super().__init__(daemon=True)
        self.client = client
        self.interval = interval
        self.path = path
        self.samples = []  # (wall time, status, seconds, error)
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            t = time.time()
            a = self.client.request("GET", self.path, timeout=10)
            self.samples.append((t, a.status, a.elapsed, a.error))
            self._halt.wait(max(0.0, self.interval - a.elapsed))

    def stop(self):
        self._halt.set()
        self.join(15)

    def bad(self):
        return [s for s in self.samples if s[1] != 200]


def raw_connect(host, port, timeout=10.0):
    s = socket.create_connection((host, port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def snippet(b, n=160):
    if isinstance(b, bytes):
        b = b.decode("utf-8", "replace")
    b = re.sub(r"\s+", " ", b)
    return b[:n] + ("…" if len(b) > n else "")
