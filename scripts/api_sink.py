#!/usr/bin/env python3
"""A stand-in for third-party HTTP APIs (New Relic's Log and Event APIs, Loggly's HTTP inputs,
Google Maps, Twitter, Last.fm, Postmark) for the integration tests: plain HTTP on loopback, standard library only. It checks the key
each API expects, answers as the API would, and appends every request, as received (raw path
and query, headers, body), as one JSON line to REQUESTS so a test can see what arrived.

    POST /log/v1?Api-Key=KEY                  New Relic Log API: 202 with API_KEY, else 403
    POST /v1/accounts/ID/events               New Relic Event API: X-Insert-Key = INSERT_KEY
    POST /inputs/TOKEN/tag/TAG/               Loggly: TOKEN (decoded) = LOGGLY_TOKEN
    GET  /maps/api/geocode/json?key=KEY       Google Maps: 200 with MAPS_KEY, else 403
    GET  /2/users/me                          Twitter: Authorization: Bearer TWITTER_TOKEN, else 401
    GET  /2.0/?api_key=KEY                    Last.fm: 200 with LASTFM_KEY, else 403
    POST /email                               Postmark: X-Postmark-Server-Token = POSTMARK_TOKEN, else 401

Usage: API_KEY=… INSERT_KEY=… LOGGLY_TOKEN=… MAPS_KEY=… TWITTER_TOKEN=… LASTFM_KEY=… POSTMARK_TOKEN=… \
       api_sink.py HOST PORT REQUESTS
"""

import json
import os
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1 << 20
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        # The default line holds the query string, hence the key: print nothing.
        pass

    def do_GET(self):
        self.do_POST()

    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
        body = self.rfile.read(length)
        with LOCK, open(self.server.requests, "a", encoding="utf-8") as f:
            f.write(json.dumps({
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            }) + "\n")
        status, answer = self.route()
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def route(self):
        url = urllib.parse.urlsplit(self.path)
        keys = self.server.keys
        if url.path == "/log/v1":
            given = urllib.parse.parse_qs(url.query).get("Api-Key", [None])[0]
            return (202, {"requestId": "stand-in"}) if given == keys["API_KEY"] else (403, {"error": "bad key"})
        if re.fullmatch(r"/v1/accounts/\d+/events", url.path):
            given = self.headers.get("X-Insert-Key")
            return (200, {"success": True}) if given == keys["INSERT_KEY"] else (403, {"error": "bad key"})
        m = re.fullmatch(r"/inputs/([^/]+)/tag/[^/]+/?", url.path)
        if m:
            given = urllib.parse.unquote(m.group(1))
            return (200, {"response": "ok"}) if given == keys["LOGGLY_TOKEN"] else (403, {"error": "bad token"})
        if url.path == "/maps/api/geocode/json":
            given = urllib.parse.parse_qs(url.query).get("key", [None])[0]
            return (200, {"status": "OK"}) if given == keys["MAPS_KEY"] else (403, {"status": "REQUEST_DENIED"})
        if url.path == "/2/users/me":
            given = self.headers.get("Authorization")
            return (200, {"data": {"id": "1"}}) if given == "Bearer " + keys["TWITTER_TOKEN"] else (401, {"title": "Unauthorized"})
        if url.path == "/2.0/":
            given = urllib.parse.parse_qs(url.query).get("api_key", [None])[0]
            return (200, {"ok": True}) if given == keys["LASTFM_KEY"] else (403, {"error": 10, "message": "Invalid API key"})
        if url.path == "/email":
            given = self.headers.get("X-Postmark-Server-Token")
            return (200, {"ErrorCode": 0}) if given == keys["POSTMARK_TOKEN"] else (401, {"ErrorCode": 10})
        return 404, {"error": "not found"}


def main():
    host, port, requests = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    server = ThreadingHTTPServer((host, port), Handler)
    server.requests = requests
    server.keys = {k: os.environ[k] for k in ("API_KEY", "INSERT_KEY", "LOGGLY_TOKEN", "MAPS_KEY", "TWITTER_TOKEN", "LASTFM_KEY", "POSTMARK_TOKEN")}
    server.serve_forever()


if __name__ == "__main__":
    main()
