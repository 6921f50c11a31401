"""Crash test: `kill -9` in the middle of a large tenant import and of an event-log upload, on SQLite and on
PostgreSQL. The process is stopped at a failpoint (AMTSWEG_FAILPOINT) where the transaction has written
everything and committed nothing — the worst moment — and killed there. Afterwards the store must hold exactly
what it held before (the export byte for byte, the list of logs unchanged), and the same import or upload,
repeated, must succeed completely.

Usage: crash_test.py AMTSWEG_BINARY WORK_DIR POSTGRES_ADMIN_URL GENERATE_LOG_SCRIPT
"""
import glob
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

binary, work, pg_admin, generate_log = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]


def amtsweg(*args, env=None, check=True):
    result = subprocess.run([binary, *args], capture_output=True, text=True, env={**os.environ, **(env or {})})
    if check and result.returncode != 0:
        raise SystemExit(f"amtsweg {' '.join(args)} failed: {result.stderr}")
    return result


def export(store):
    path = os.path.join(work, "export.json")
    amtsweg("export", *store, "-o", path)
    return open(path, "rb").read()


def killed_at_failpoint(command, failpoint, env=None):
    """Starts `command` with the failpoint armed, waits until it is reached, and kills the process with SIGKILL."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {}), "AMTSWEG_FAILPOINT": failpoint})
    deadline = time.time() + 300
    for line in process.stderr:
        if f"failpoint {failpoint} reached" in line:
            break
        if time.time() > deadline:
            break
    else:
        raise SystemExit(f"{failpoint} was never reached: {command} ended with {process.wait()}")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, process.returncode


def large_tenant(source_export, target):
    """The demo tenant grown large: every task and flow copied 200 times under new ids."""
    document = json.loads(source_export)
    tenant_map = document["map"]
    tasks, flows = tenant_map["tasks"], tenant_map["flows"]
    tenant_map["tasks"] = tasks + [dict(task, id=f"{task['id']}-k{n}") for n in range(200) for task in tasks]
    tenant_map["flows"] = flows + [dict(flow, id=f"{flow['id']}-k{n}") for n in range(200) for flow in flows]
    with open(target, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False)
    return len(tenant_map["tasks"]), len(tenant_map["flows"])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, token, data=None):
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=600) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def serve(store, port, env=None):
    process = subprocess.Popen([binary, "serve", *store, "--port", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"the server on {port} did not start")


log_path = os.path.join(work, "upload.xes.gz")
subprocess.run([sys.executable, generate_log, log_path, "--cases", "20000", "--events", "300000"], check=True,
               stdout=subprocess.DEVNULL)
log_bytes = open(log_path, "rb").read()

for engine in ["sqlite", "postgres"]:
    if engine == "sqlite":
        store = ["--db", os.path.join(work, "crash.sqlite")]
        reference = ["--db", os.path.join(work, "reference.sqlite")]
    else:
        for name in ["amtsweg_crash", "amtsweg_crash_reference"]:
            subprocess.run([psql, "-q", pg_admin, "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"],
                           check=True, capture_output=True)
        base = pg_admin.rsplit("/", 1)[0]
        store = ["--postgres", f"{base}/amtsweg_crash"]
        reference = ["--postgres", f"{base}/amtsweg_crash_reference"]
    amtsweg("demo", *store)
    before = export(store)
    big = os.path.join(work, "large-tenant.json")
    tasks, flows = large_tenant(before, big)

    # 1. The tenant import, killed with everything written and nothing committed.
    killed_at_failpoint([binary, "import", big, *store], "saveTenant.beforeCommit")
    assert export(store) == before, f"{engine}: the export changed after the killed import"
    amtsweg("import", big, *store)
    amtsweg("demo", *reference)
    amtsweg("import", big, *reference)
    after = export(store)
    assert after == export(reference), f"{engine}: the repeated import differs from an import never interrupted"
    document = json.loads(after)
    assert (len(document["map"]["tasks"]), len(document["map"]["flows"])) == (tasks, flows)
    print(f"{engine}: tenant import ({tasks} tasks, {flows} flows) killed before its commit: the export equals "
          f"the one before; repeated, it succeeds and equals an uninterrupted import")

    # 2. An event-log upload to the server, killed the same way.
    port = free_port()
    server = serve(store, port, env={"AMTSWEG_FAILPOINT": "saveEventLog.beforeCommit"})
    # The local administrator exists once a local server has started.
    token = amtsweg("token", "create", "--user", "lokal", "--scope", "write", *store).stdout.strip().splitlines()[-1]
    status, body = request("GET", f"http://127.0.0.1:{port}/api/v1/event-logs", token)
    assert status == 200, (status, body[:200])
    logs_before = json.loads(body)
    url = f"http://127.0.0.1:{port}/api/v1/event-logs?file=absturz.xes.gz&name=Absturztest"
    uploader = subprocess.Popen(["curl", "-s", "-o", "/dev/null", "-X", "POST", "--data-binary", f"@{log_path}",
                                 "-H", f"Authorization: Bearer {token}", "-H", "Content-Type: application/octet-stream",
                                 url])
    for line in server.stderr:
        if "failpoint saveEventLog.beforeCommit reached" in line:
            break
    else:
        raise SystemExit(f"{engine}: the upload never reached its commit")
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    uploader.wait()
    server = serve(store, port)
    status, body = request("GET", f"http://127.0.0.1:{port}/api/v1/event-logs", token)
    assert status == 200 and json.loads(body) == logs_before, f"{engine}: the logs changed after the killed upload"
    assert export(store) == after, f"{engine}: the export changed after the killed upload"
    status, body = request("POST", url, token, data=log_bytes)
    assert status == 201, (status, body[:300])
    created = json.loads(body)
    status, body = request("GET", f"http://127.0.0.1:{port}/api/v1/event-logs", token)
    logs_after = json.loads(body)
    server.terminate()
    server.wait()
    assert created["events"] == 300000 and created["cases"] == 20000, created
    ids_before = [log["id"] for log in logs_before["items"]]
    assert sorted(log["id"] for log in logs_after["items"]) == sorted(ids_before + [created["id"]]), logs_after
    print(f"{engine}: event-log upload (300,000 events, {len(log_bytes) >> 20} MB) killed before its commit: the "
          f"logs and the export are as before; repeated, it is stored whole")
