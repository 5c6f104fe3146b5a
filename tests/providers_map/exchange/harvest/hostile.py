"""A local feed server that misbehaves on purpose (threads, loopback, stops with the test).

`HostileFeed(organizations)` serves `organizations` (HSDS objects) correctly under /good/, and under
/<scenario>/ as the scenario says: slow, huge, invalid, redirect, endless, vanish (the second page never comes).
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MB = 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def page(self, items, page, pages):
        return json.dumps({"total_items": len(items) * pages, "total_pages": pages, "page_number": page,
                           "size": len(items), "first_page": page == 1, "last_page": page >= pages,
                           "empty": not items, "contents": items}).encode()  # fmt: skip

    def do_GET(self):  # noqa: C901 - one branch per scenario
        parts = urlsplit(self.path)
        scenario = parts.path.strip("/").split("/")[0]
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        organizations = self.server.organizations
        page = int(query.get("page", 1))
        if query.get("format") == "ndjson" and scenario != "ndjson":
            return self.send(400, b'{"error": "no ndjson", "details": []}')
        try:
            if scenario == "package":  # a tabular data package: datapackage.json and its CSV files
                name = parts.path.rsplit("/", 1)[-1]
                found = self.server.files.get(name)
                return self.send(200, found, "text/csv") if found else self.send(404, b"{}")
            if scenario in ("good", "ndjson"):
                if scenario == "ndjson":
                    return self.send(200, self.server.ndjson(), "application/x-ndjson")
                return self.send(200, self.page(organizations, 1, 1))
            if scenario == "slow":  # headers at once, then a byte now and then
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
                return None
            if scenario == "silent":  # says nothing at all
                time.sleep(5)
                return self.send(200, self.page(organizations, 1, 1))
            if scenario == "huge":  # 50 MB of one JSON string
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(50 * MB + 20))
                self.end_headers()
                self.wfile.write(b'{"contents": ["')
                chunk = b"x" * MB
                for _ in range(50):
                    self.wfile.write(chunk)
                self.wfile.write(b'"]}')
                return None
            if scenario == "invalid":
                return self.send(200, b'{"total_items": 3, "contents": [{"id": ')
            if scenario == "schema":  # valid JSON, some records not HSDS
                broken = [
                    {"id": "not-a-uuid", "name": "Без описания"},
                    {"id": organizations[0]["id"], "description": 5},
                ]
                return self.send(200, self.page(organizations[1:] + broken, 1, 1))
            if scenario == "redirect":
                self.send_response(302)
                self.send_header("Location", f"http://localhost:{self.server.server_port}/good/organizations")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if scenario == "endless":  # every page new, never the last
                item = {**organizations[0], "id": f"00000000-0000-4000-8000-{page:012d}"}
                return self.send(200, self.page([item], page, page + 1))
            if scenario == "vanish":  # the first page, then nothing
                if page == 1:
                    return self.send(200, self.page(organizations[:1], 1, 2))
                self.close_connection = True
                return None
        except (BrokenPipeError, ConnectionResetError):
            return None
        return self.send(404, b'{"error": "no", "details": []}')


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def ndjson(self):
        """The organisations as an ndjson stream (made once per list, as a server would cache it)."""
        if getattr(self, "_ndjson", (None,))[0] is not self.organizations:
            self._ndjson = (self.organizations, "".join(json.dumps(o) + "\n" for o in self.organizations).encode())
        return self._ndjson[1]


class HostileFeed:
    def __init__(self, organizations):
        self.server = FeedServer(("127.0.0.1", 0), Handler)
        self.server.organizations = organizations
        self.server.files = {}  # name -> bytes, served under /package/
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def url(self, scenario):
        return f"{self.base}/{scenario}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
