#!/usr/bin/env python3
"""Drives the built page in headless Chromium through the Chrome DevTools Protocol and compares
what it shows and downloads with the command line. Called by scripts/test-web.sh.

    web_test.py PAGE JIXIAO FIXTURES OUT

The DevTools client is a few lines of standard library (HTTP + WebSocket), so the test installs
nothing from any registry. Every request the page and its worker make is recorded; any to a
host other than 127.0.0.1 fails the test.
"""
import base64
import http.server
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PAGE, JIXIAO, FIXTURES, OUT = (Path(a).resolve() for a in sys.argv[1:5])
ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120


def fail(message):
    print(f"test-web: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


# ---- a minimal WebSocket client (RFC 6455, text frames, no extensions) -----------------------

class WebSocket:
    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, path = url[5:].split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            fail(f"DevTools refused the WebSocket: {response[:200]!r}")

    def send(self, text):
        data = text.encode()
        header = bytes([0x81])
        n = len(data)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                fail("DevTools closed the connection")
            buf += chunk
        return buf

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                fail("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class DevTools:
    """One browser connection; commands by session, events collected."""

    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.on_event(reply)

    def on_event(self, event):
        self.events.append(event)
        if event.get("method") == "Target.attachedToTarget":
            # A worker: record its requests too, then let it run.
            sid = event["params"]["sessionId"]
            self.pending_sessions.append(sid)

    pending_sessions = []

    def pump(self, seconds=0.05):
        self.ws.sock.settimeout(seconds)
        try:
            while True:
                self.on_event(json.loads(self.ws.recv()))
        except (socket.timeout, TimeoutError):
            pass
        finally:
            self.ws.sock.settimeout(TIMEOUT)
        while self.pending_sessions:
            sid = self.pending_sessions.pop()
            self.call("Network.enable", {}, sid)
            self.call("Runtime.runIfWaitingForDebugger", {}, sid)


# ---- the run -------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(directory):
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(directory), **k)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def cli(*args, cwd):
    run = subprocess.run([str(JIXIAO), *args], cwd=cwd, capture_output=True)
    return run.returncode, run.stdout, run.stderr.decode()


def main():
    work = Path(tempfile.mkdtemp(prefix="jixiao-web-"))
    site, downloads, profile = work / "site", work / "downloads", work / "profile"
    for d in (site, downloads, profile):
        d.mkdir()
    shutil.copy(PAGE, site / "index.html")
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    chromium = subprocess.Popen(
        [
            os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        run(work, site, downloads, profile, base)
    finally:
        chromium.terminate()
        try:
            chromium.wait(10)
        except subprocess.TimeoutExpired:
            chromium.kill()
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def run(work, site, downloads, profile, base):
    port_file = profile / "DevToolsActivePort"
    deadline = time.time() + 30
    while not port_file.exists() or not port_file.read_text().strip():
        if time.time() > deadline:
            fail("chromium did not start its DevTools endpoint")
        time.sleep(0.1)
    port = port_file.read_text().split()[0]
    version = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version"))
    dt = DevTools(version["webSocketDebuggerUrl"])
    target = dt.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    page = dt.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    dt.call("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True}, page)
    for domain in ("Network", "Page", "Runtime", "DOM"):
        dt.call(f"{domain}.enable", {}, page)
    dt.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads), "eventsEnabled": True})
    dt.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1400, "deviceScaleFactor": 1, "mobile": False}, page)

    def js(expr):
        r = dt.call("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True}, page)
        if "exceptionDetails" in r:
            fail(f"page script failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(expr, what, seconds=TIMEOUT):
        deadline = time.time() + seconds
        while time.time() < deadline:
            dt.pump()
            value = js(expr)
            if value:
                return value
            time.sleep(0.1)
        status = js("document.querySelector('#status') && document.querySelector('#status').textContent")
        errors = [e["params"] for e in dt.events if e.get("method") in ("Runtime.exceptionThrown", "Runtime.consoleAPICalled")]
        fail(f"timed out waiting for {what} (status: {status!r}; console: {json.dumps(errors, ensure_ascii=False)[:2000]})")

    def pick(paths, selector="#files"):
        doc = dt.call("DOM.getDocument", {}, page)
        node = dt.call("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": selector}, page)
        dt.call("DOM.setFileInputFiles", {"files": [str(p) for p in paths], "nodeId": node["nodeId"]}, page)

    def download(button_selector, name, status="#status"):
        target = downloads / name
        if target.exists():
            target.unlink()
        js(f"document.querySelector({json.dumps(button_selector)}).click()")
        wait_for(f"document.querySelector({json.dumps(status)}).textContent.includes({json.dumps(name)})", f"the page making {name}")
        deadline = time.time() + 30
        while time.time() < deadline:
            dt.pump()
            if target.exists() and any(
                e.get("method") == "Browser.downloadProgress" and e["params"].get("state") == "completed"
                and e["params"].get("guid") in done_guids(name) for e in dt.events
            ):
                return target.read_bytes()
            time.sleep(0.1)
        fail(f"{name} was not downloaded")

    def done_guids(name):
        return {e["params"]["guid"] for e in dt.events
                if e.get("method") == "Browser.downloadWillBegin" and e["params"].get("suggestedFilename") == name}

    dt.call("Page.navigate", {"url": base + "index.html"}, page)
    wait_for("document.body && document.body.dataset.ready === 'true'", "the page and its worker to start")

    # 1. The seven 驻西藏 申报表: shown, converted, downloaded — the same bytes as the CLI's.
    xizang = FIXTURES / "xizang-2024-declarations.xlsx"
    pick([xizang])
    wait_for("window.jixiaoTimings.read !== undefined", "the forms to be read")
    forms = js("Array.from(document.querySelectorAll('#forms tbody tr')).map(tr => Array.from(tr.children).slice(0, 6).map(td => td.textContent))")
    print(f"test-web: page read {len(forms)} forms from {xizang.name}; first: {forms[0]}")
    if len(forms) != 7:
        fail(f"expected 7 forms from {xizang.name}, page shows {len(forms)}")
    read_ms = js("window.jixiaoTimings.read")
    compared = []
    for button, name, args in [
        ("[data-to=xlsx][data-download=convert]", "正式表格.xlsx", ["convert", "--to", "xlsx"]),
        ("[data-to=xlsx-flat]", "平表（批量修改用）.xlsx", ["convert", "--to", "xlsx-flat"]),
        ("[data-to=json]", "表格.json", ["convert", "--to", "json"]),
    ]:
        got = download(button, name)
        out = work / ("cli-" + name)
        code, _, err = cli(*args[:1], xizang.name, "-o", str(out), *args[1:], cwd=FIXTURES)
        if code != 0:
            fail(f"jixiao {' '.join(args)}: {err}")
        want = out.read_bytes()
        if got != want:
            fail(f"{name} from the page ({len(got)} bytes) differs from `jixiao {' '.join(args)}` ({len(want)} bytes)")
        compared.append(f"{name} == jixiao {' '.join(args)} ({len(got)} bytes, identical)")
    convert_ms = js("window.jixiaoTimings['convert:xlsx']")
    got = download("[data-download=selfeval]", "自评表（由申报表预填）.xlsx")
    out = work / "cli-selfeval.xlsx"
    code, _, err = cli("template", "--kind", "self-evaluation", "--from", xizang.name, "-o", str(out), cwd=FIXTURES)
    if code != 0 or got != out.read_bytes():
        fail(f"自评表 pre-filled by the page differs from `jixiao template --kind self-evaluation` ({err})")
    compared.append(f"自评表（由申报表预填）.xlsx == jixiao template --kind self-evaluation --from ({len(got)} bytes, identical)")
    print(f"test-web: 驻西藏 7 forms in the browser: read+check {read_ms:.0f} ms, official workbook {convert_ms:.0f} ms")

    # 2. A 自评表 workbook and a 2020 目标表: the findings shown equal `jixiao check --format json`.
    js("document.querySelector('#clear').click()")
    wait_for("document.querySelector('#results').hidden", "the page to clear")
    js("window.jixiaoTimings = {}")
    inputs = [FIXTURES / "xinjiang-2023-self-evaluations.xlsx", FIXTURES / "xining-2020-legacy.xlsx"]
    pick(inputs)
    wait_for("window.jixiaoTimings.read !== undefined", "the forms to be read")
    js("document.querySelector('#show-info').checked = true; document.querySelector('#show-info').dispatchEvent(new Event('change'))")
    shown = js("""Array.from(document.querySelectorAll('#findings tbody tr')).map(tr => {
        const td = tr.children;
        const sev = td[4].querySelector('.sev');
        return [td[0].textContent, td[1].textContent, td[2].textContent, tr.dataset.rule,
                sev.className.replace('sev ', ''), sev.nextSibling ? sev.nextSibling.textContent : ''];
    })""")
    code, stdout, err = cli("check", "--format", "json", "--show-info", *[p.name for p in inputs], cwd=FIXTURES)
    report = json.loads(stdout)
    want = [[(d.get("at") or {}).get("file", ""), (d.get("at") or {}).get("sheet", "") or "",
             (d.get("at") or {}).get("cell", "") or "", d["rule"], d["severity"], d["message"]]
            for d in report["findings"]]
    if shown != want:
        for i, (a, b) in enumerate(zip(shown, want)):
            if a != b:
                fail(f"finding {i + 1}: page shows {a}, jixiao check shows {b}")
        fail(f"page shows {len(shown)} findings, jixiao check {len(want)}")
    counts = report["counts"]
    compared.append(
        f"{len(shown)} findings shown == jixiao check --format json "
        f"({counts['errors']} errors, {counts['warnings']} warnings, {counts['infos']} infos; file, sheet, cell, rule, severity, message)"
    )
    got = download("[data-download=score]", "自评表（已打分）.xlsx")
    out = work / "cli-scored.xlsx"
    code, _, err = cli("score", *[p.name for p in inputs], "-o", str(out), cwd=FIXTURES)
    if out.exists():
        if got != out.read_bytes():
            fail("the scored 自评表 from the page differs from `jixiao score`")
        compared.append(f"自评表（已打分）.xlsx == jixiao score ({len(got)} bytes, identical)")
    else:
        fail(f"jixiao score wrote nothing: {err}")

    # 3. Click a finding with a cell: the form opens with the cell highlighted. Screenshot.
    js("""(() => { const rows = Array.from(document.querySelectorAll('#findings tbody tr'));
        const row = rows.find(tr => tr.dataset.cell && tr.querySelector('.sev.error')) || rows.find(tr => tr.dataset.cell);
        row.click(); })()""")
    clicked = js("document.querySelector('#findings tr.selected') && document.querySelector('#findings tr.selected').textContent")
    wait_for("!!document.querySelector('#viewer-body td.hit')",
             f"the form with the highlighted cell for {clicked!r}; viewer: "
             + str(js("(document.querySelector('#viewer-title').textContent + ' ' + document.querySelector('#viewer-body').innerHTML).slice(0, 400)")))
    hit = js("document.querySelector('#viewer-body td.hit').dataset.cell")
    js("window.scrollTo(0, 0)")
    height = js("Math.ceil(document.documentElement.scrollHeight)")
    shot = dt.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                              "clip": {"x": 0, "y": 0, "width": 1280, "height": min(height, 4000), "scale": 1}}, page)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "page.png").write_bytes(base64.b64decode(shot["data"]))
    compared.append(f"a click on a finding shows its form with cell {hit} highlighted (screenshot {OUT / 'page.png'})")

    # 4. Blank 申报表 from an office and a project list; the difference of two versions.
    projects = ROOT / "samples/projects/xinjiang-2026.csv"
    js("document.querySelector('[data-tab=template]').click(); document.querySelector('#office').value = 'xinjiang'; document.querySelector('#year').value = '2026'")
    pick([projects], "#projects")
    got = download("#make-template", "2026年度申报表（空白）.xlsx", "#template-status")
    out = work / "cli-template.xlsx"
    code, _, err = cli("template", "--profile", str(ROOT / "templates/offices/xinjiang.toml"), "--year", "2026",
                       "--projects", projects.name, "-o", str(out), cwd=projects.parent)
    if code != 0 or got != out.read_bytes():
        fail(f"blank 申报表 from the page differ from `jixiao template --profile --projects` ({err})")
    compared.append(f"2026年度申报表（空白）.xlsx == jixiao template --profile xinjiang.toml --projects ({len(got)} bytes, identical)")
    pair = work / "pair"
    pair.mkdir()
    # The new version: the same forms with one 指标值 and the 项目名称 of another changed,
    # as a JSON model (the page takes any format on either side).
    old, new = pair / "旧.xlsx", pair / "新.json"
    shutil.copy(xizang, old)
    code, _, err = cli("convert", old.name, "-o", new.name, cwd=pair)
    model = json.loads(new.read_text())
    model["forms"][0]["indicators"][0]["target"]["raw"] = "业务经费严格按照定额标准执行"
    model["forms"][1]["project_name"] += "（修订）"
    new.write_text(json.dumps(model, ensure_ascii=False))
    js("document.querySelector('[data-tab=diff]').click()")
    pick([old], "#diff-old")
    pick([new], "#diff-new")
    js("document.querySelector('#diff-status').textContent = ''; document.querySelector('#run-diff').click()")
    wait_for("document.querySelector('#diff-status').textContent !== ''", "the difference of two versions")
    shown_diff = js("document.querySelector('#diff-out').hidden ? '' : document.querySelector('#diff-out').textContent")
    code, stdout, err = cli("diff", old.name, new.name, cwd=pair)
    if code != 1 or not shown_diff or shown_diff != stdout.decode():
        fail(f"the page's difference differs from `jixiao diff`: {shown_diff!r} vs {stdout.decode()!r} ({err})")
    compared.append(f"difference shown == jixiao diff ({len(stdout.decode().splitlines())} lines)")
    js("document.querySelector('[data-tab=read]').click()")

    # 5. Many workbooks at once (JIXIAO_WEB_MANY=500): progress, and the page stays responsive.
    many = int(os.environ.get("JIXIAO_WEB_MANY", "0"))
    if many:
        corpus = work / "many"
        corpus.mkdir()
        sources = [FIXTURES / n for n in ("xinjiang-2026-declarations.xlsx", "xinjiang-2023-self-evaluations.xlsx",
                                          "xizang-2024-declarations.xlsx", "baoshan-2024-declarations.xlsx")]
        files = []
        for i in range(many):
            f = corpus / f"{i:03d}-{sources[i % len(sources)].name}"
            shutil.copy(sources[i % len(sources)], f)
            files.append(f)
        js("document.querySelector('#clear').click()")
        wait_for("document.querySelector('#results').hidden", "the page to clear")
        js("""window.jixiaoTimings = {}; window.beat = {last: performance.now(), maxGap: 0, progress: 0};
            window.beatTimer = setInterval(() => { const now = performance.now();
              window.beat.maxGap = Math.max(window.beat.maxGap, now - window.beat.last); window.beat.last = now;
              if (document.querySelector('#progress-text').textContent) window.beat.progress++; }, 50)""")
        started = time.time()
        pick(files)
        wait_for("window.jixiaoTimings.read !== undefined", f"{many} workbooks to be read", 1200)
        wall = time.time() - started
        beat = js("clearInterval(window.beatTimer); window.beat")
        n_forms = js("state.forms.length")
        compared.append(
            f"{many} workbooks → {n_forms} forms in {wall:.1f} s (worker read+check {js('window.jixiaoTimings.read') / 1000:.1f} s); "
            f"progress seen on {beat['progress']} ticks; longest pause of the page's thread {beat['maxGap']:.0f} ms"
        )

    # 6. Nothing but 127.0.0.1 was asked for.
    dt.pump(0.3)
    urls = [e["params"]["request"]["url"] for e in dt.events if e.get("method") == "Network.requestWillBeSent"]
    foreign = [u for u in urls if not (u.startswith(base) or u.startswith("blob:") or u.startswith("data:"))]
    if foreign:
        fail(f"the page asked for {foreign}")
    compared.append(f"{len(urls)} requests, all to {base} (or blob:/data: inside the page)")

    for line in compared:
        print(f"test-web: ok: {line}")
    timings = {"read_ms": round(read_ms), "convert_xlsx_ms": round(convert_ms)}
    (OUT / "timings.json").write_text(json.dumps(timings))


if __name__ == "__main__":
    main()
