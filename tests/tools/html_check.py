"""Opens a gilsim HTML report in headless Chromium (1280x720) and prints, as JSON, what a
test checks: console errors and exceptions, every network request, the SVG lanes and slices
drawn, what hovering and then clicking a slice shows, how long the page took to be ready;
and saves a screenshot. Exit status 3 when Chromium is missing (the caller skips loudly).

    python3 tests/tools/html_check.py REPORT.html SCREENSHOT.png
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

# The centre of the widest running slice of the first timeline (hover and click target),
# scrolled into the 1280x720 window first.
TARGET = """(() => {
  const svg = document.querySelector('svg');
  const rects = Array.from(svg.querySelectorAll('rect.slice.running'));
  rects.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width);
  rects[0].scrollIntoView({block: 'center', inline: 'nearest'});
  const r = rects[0].getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
})()"""

COUNTS = """(() => ({
  threads: document.querySelectorAll('svg g.lane[data-kind=thread]').length,
  gil: document.querySelectorAll('svg g.lane[data-kind=gil]').length,
  slices: document.querySelectorAll('svg rect.slice').length,
  marks: document.querySelectorAll('svg path.mark').length,
  timelines: document.querySelectorAll('svg').length,
  lane_names: Array.from(document.querySelectorAll('svg g.lane[data-kind=thread]'))
    .map(g => g.getAttribute('data-name')),
  source_rows: document.querySelectorAll('table.source tr').length,
  stats: (document.querySelector('pre') || {}).innerText || '',
  text: document.body.innerText.slice(0, 4000),
}))()"""


def mouse(browser, kind, x, y):
    params = {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
    if kind == "mouseMoved":
        params["button"] = "none"
    browser.send("Input.dispatchMouseEvent", params)


def main():
    if cdp.find_chromium() is None:
        print(json.dumps({"missing": ["chromium"]}))
        return 3
    page, shot = os.path.abspath(sys.argv[1]), sys.argv[2]
    browser = cdp.Browser()
    try:
        started = time.time()
        browser.open("file://" + page)
        browser.wait_for("window.gilsimReady === true", timeout=60, poll=0.05)
        ready = time.time() - started
        result = browser.evaluate(COUNTS)
        x, y = browser.evaluate(TARGET)
        mouse(browser, "mouseMoved", x, y)
        result["tooltip"] = browser.evaluate(
            "getComputedStyle(tooltip).display === 'none' ? '' : tooltip.innerText")
        mouse(browser, "mousePressed", x, y)
        mouse(browser, "mouseReleased", x, y)
        browser.wait_for("document.querySelector('rect.slice.selected') !== null", timeout=10)
        result["details"] = browser.evaluate("document.querySelector('.details').innerText")
        # Zoom in twice: the view narrows, so fewer slices or the same, never an error.
        browser.evaluate("document.querySelector('button[data-zoom=in]').click()")
        browser.evaluate("document.querySelector('button[data-zoom=in]').click()")
        browser.pump(0.3)
        result["slices_zoomed"] = browser.evaluate(
            "document.querySelectorAll('svg')[0].querySelectorAll('rect.slice').length")
        browser.evaluate("document.querySelector('button[data-zoom=reset]').click()")
        browser.pump(0.3)
        browser.screenshot(shot)
        result["ready_seconds"] = round(ready, 3)
        result["console_errors"] = browser.console_errors()
        result["requests"] = browser.requests()
    finally:
        browser.close()
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
