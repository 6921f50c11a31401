"""Hostile uploads against a running Amtsweg server: each is refused within seconds, other requests keep
answering, the server's memory stays bounded, and SIGTERM during such a request stops the server.

Usage: limits.py BASE_URL SERVER_PID API_TOKEN
"""
import base64
import http.client
import io
import os
import re
import signal
import sys
import threading
import time
import urllib.parse
import zipfile
import zlib

BASE, PID, TOKEN = sys.argv[1], int(sys.argv[2]), sys.argv[3]
HOST = urllib.parse.urlparse(BASE)
MEMORY_LIMIT_MB = 600


def request(method, path, body=None, headers=None, timeout=60):
    connection = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=timeout)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data


def peak_memory_mb():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def gzip_bomb(inflated_bytes):
    """An XES file that is one huge comment: about a thousandth of its inflated size."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress(b'<?xml version="1.0"?><log xes.version="1.0"><!--')]
    chunk = b"a" * (1 << 20)
    for _ in range(inflated_bytes >> 20):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.compress(b"--></log>"))
    parts.append(compressor.flush())
    return b"".join(parts)


class Heartbeat(threading.Thread):
    """Asks for the start page every 200 ms while a hostile request runs; records the slowest answer."""

    def __init__(self):
        super().__init__(daemon=True)
        self.running = True
        self.slowest = 0.0
        self.failures = 0

    def run(self):
        while self.running:
            started = time.monotonic()
            try:
                status, _, _ = request("GET", "/api/v1/tenant", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
                if status != 200:
                    self.failures += 1
            except Exception:
                self.failures += 1
            self.slowest = max(self.slowest, time.monotonic() - started)
            time.sleep(0.2)


def refused(name, method, path, body, headers, statuses=(413, 422), within=15):
    beat = Heartbeat()
    beat.start()
    started = time.monotonic()
    status, _, data = request(method, path, body, headers)
    took = time.monotonic() - started
    beat.running = False
    beat.join()
    text = data.decode("utf-8", "replace")
    assert status in statuses, f"{name}: status {status}, expected {statuses}: {text[:300]}"
    assert took < within, f"{name}: refused only after {took:.1f} s (allowed: {within} s)"
    assert beat.failures == 0 and beat.slowest < 5, f"{name}: other requests waited {beat.slowest:.1f} s"
    memory = peak_memory_mb()
    assert memory < MEMORY_LIMIT_MB, f"{name}: the server's peak memory reached {memory:.0f} MB"
    print(f"{name}: {status} after {took:.1f} s; other requests answered within {beat.slowest:.2f} s; "
          f"peak memory {memory:.0f} MB")


api = {"Authorization": f"Bearer {TOKEN}"}

bomb = gzip_bomb(1 << 30)
refused("gzip bomb (%d KB inflating to 1 GB)" % (len(bomb) >> 10), "POST", "/api/v1/event-logs?file=bomb.xes.gz",
        bomb, {**api, "Content-Type": "application/gzip"})

depth = 100_000
nested = b"<definitions>" + b"<a>" * depth + b"</a>" * depth + b"</definitions>"
refused("XML nested %d deep" % depth, "POST", "/api/v1/processes?file=deep.bpmn", nested,
        {**api, "Content-Type": "application/xml"})

# XProzess messages with hostile embedded files: each refused in under a second, naming element and line.
def xprozess(content):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<xprozess:alleInhalte.export.0303 xmlns:xprozess="http://www.regierung-mv.de/xprozess/2">
<xprozess:prozessbibliothek><xprozess:prozess><xprozess:id>99000000000000</xprozess:id>
<xprozess:version>1</xprozess:version><xprozess:name>Feindlich</xprozess:name>
<xprozess:prozessmodell><xprozess:prozessmodelldatei><xprozess:dateiname>BPMN</xprozess:dateiname>
<xprozess:inhalt>%s</xprozess:inhalt></xprozess:prozessmodelldatei></xprozess:prozessmodell>
</xprozess:prozess></xprozess:prozessbibliothek></xprozess:alleInhalte.export.0303>""" % content).encode()


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, size in entries:
            with archive.open(name, "w", force_zip64=True) as entry:
                for _ in range(size >> 20):
                    entry.write(bytes(1 << 20))
    return base64.b64encode(buffer.getvalue()).decode()


xml = {**api, "Content-Type": "application/xml"}
zip_bomb = zipped([("BPMN DI-Export.xml", 512 << 20)])
refused("XProzess with an embedded ZIP bomb (%d KB unpacking to 512 MB)" % (len(zip_bomb) >> 10), "POST",
        "/api/v1/fim/references", xprozess(zip_bomb), xml, statuses=(422,), within=1)
refused("XProzess with a path leaving the embedded ZIP", "POST", "/api/v1/fim/references",
        xprozess(zipped([("../../etc/passwd", 1 << 20)])), xml, statuses=(422,), within=1)
refused("XProzess with broken base64", "POST", "/api/v1/fim/references", xprozess("UEsDBBQ!!kaputt"), xml,
        statuses=(422,), within=1)
refused("XProzess in the wrong namespace", "POST", "/api/v1/fim/references",
        xprozess("").replace(b"regierung-mv.de/xprozess/2", b"example.org/xprozess/1"), xml, statuses=(422,),
        within=1)

# A form needs the browser's form token: the cookie and the hidden field of any page.
status, headers, page = request("GET", "/processes")
cookie = headers.get("Set-Cookie", "").split(";")[0]
token = re.search(rb'name="csrf" value="([0-9a-f]+)"', page).group(1).decode()
boundary = "amtsweg-limits"
parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n']
parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="f{i}"\r\n\r\nx\r\n' for i in range(10_000)]
parts.append(f"--{boundary}--\r\n")
refused("multipart form with 10,000 parts", "POST", "/processes/upload", "".join(parts).encode(),
        {"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={boundary}"})

# SIGTERM while a hostile upload is being worked on: the server is gone within 5 seconds.
slow = threading.Thread(target=lambda: _ignore(lambda: request(
    "POST", "/api/v1/event-logs?file=bomb.xes.gz", bomb, {**api, "Content-Type": "application/gzip"})), daemon=True)


def _ignore(body):
    try:
        body()
    except Exception:
        pass


slow.start()
time.sleep(0.5)
os.kill(PID, signal.SIGTERM)
started = time.monotonic()
while time.monotonic() - started < 10:
    try:
        os.kill(PID, 0)
    except ProcessLookupError:
        break
    if open(f"/proc/{PID}/stat").read().split()[2] == "Z":  # exited, not yet reaped by the shell
        break
    time.sleep(0.1)
stopped = time.monotonic() - started
assert stopped < 5, f"SIGTERM: the server still ran after {stopped:.1f} s"
print(f"SIGTERM during an upload: the server stopped after {stopped:.1f} s")
