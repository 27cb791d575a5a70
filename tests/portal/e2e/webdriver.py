# webdriver.py — a small W3C WebDriver client over urllib, for the portal's
#                end-to-end test (no pip, no npm: the standard library only)
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Speaks the W3C WebDriver HTTP protocol (https://www.w3.org/TR/webdriver2/)
# to Debian's chromedriver, which starts Debian's chromium. Only what the
# test needs: a session, navigation, elements by CSS selector, clicks,
# keys, text, attributes, scripts, cookies and screenshots.

import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

# The W3C element reference key.
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    """A WebDriver command that failed: the protocol's error and message."""

    def __init__(self, command, error, message):
        super().__init__("%s: %s: %s" % (command, error, message))
        self.error = error


def free_port():
    """A TCP port on loopback that nothing listens on (now)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout, process=None):
    """Waits until something accepts on 127.0.0.1:port; False on timeout
    or when @process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


class Processes:
    """Every process the test starts, each in its own process group, so
    that ending the group also ends what it started (chromedriver's
    chromium). stop_all() ends them by their ids, TERM then KILL."""

    def __init__(self):
        self.started = []

    def start(self, argv, log_path, env=None):
        log = open(log_path, "wb")
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env,
                                   start_new_session=True)
        log.close()
        self.started.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        # The group may outlive its leader (chromium's helpers).
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def stop_all(self):
        while self.started:
            self.stop(self.started.pop())


class Element:
    def __init__(self, session, element_id, selector):
        self.session = session
        self.id = element_id
        self.selector = selector

    def _path(self, suffix=""):
        return "/element/%s%s" % (self.id, suffix)

    def click(self):
        self.session.command("POST", self._path("/click"), {})

    def clear(self):
        self.session.command("POST", self._path("/clear"), {})

    def send_keys(self, text):
        self.session.command("POST", self._path("/value"), {"text": text})

    @property
    def text(self):
        return self.session.command("GET", self._path("/text"))

    def attribute(self, name):
        return self.session.command("GET", self._path("/attribute/%s" % name))

    def property(self, name):
        return self.session.command("GET", self._path("/property/%s" % name))

    def find(self, selector):
        return self.session._find(selector, self._path("/element"))

    def find_all(self, selector):
        return self.session._find_all(selector, self._path("/elements"))

    def __repr__(self):
        return "<Element %s>" % self.selector


class Session:
    """One browser session on a running chromedriver."""

    def __init__(self, driver_url, capabilities, timeout=60):
        self.driver_url = driver_url.rstrip("/")
        self.timeout = timeout
        value = self._request("POST", self.driver_url + "/session",
                              {"capabilities": {"alwaysMatch": capabilities}},
                              "new session")
        self.id = value["sessionId"]
        self.capabilities = value.get("capabilities", {})

    def _request(self, method, url, body, what):
        data = None
        headers = {}
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8") or "{}")
        except urllib.error.HTTPError as error:
            try:
                payload = json.loads(error.read().decode("utf-8"))
                value = payload.get("value", {})
                raise WebDriverError(what, value.get("error", str(error.code)),
                                     value.get("message", "").split("\n")[0]) from None
            except (ValueError, AttributeError):
                raise WebDriverError(what, str(error.code), error.reason) from None
        return payload.get("value")

    def command(self, method, path, body=None):
        if method == "POST" and body is None:
            body = {}
        return self._request(method, "%s/session/%s%s" % (self.driver_url, self.id, path),
                             body, "%s %s" % (method, path))

    def quit(self):
        try:
            self.command("DELETE", "")
        except (WebDriverError, OSError):
            pass

    # Navigation and page

    def get(self, url):
        self.command("POST", "/url", {"url": url})

    @property
    def current_url(self):
        return self.command("GET", "/url")

    @property
    def title(self):
        return self.command("GET", "/title")

    @property
    def page_source(self):
        return self.command("GET", "/source")

    def execute(self, script, *args):
        plain = [{ELEMENT_KEY: a.id} if isinstance(a, Element) else a for a in args]
        return self.command("POST", "/execute/sync", {"script": script, "args": plain})

    def cookies(self):
        return {c["name"]: c for c in self.command("GET", "/cookie")}

    def screenshot(self, path):
        """The viewport as a PNG: what a phone shows."""
        png = base64.b64decode(self.command("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
        return len(png)

    # Elements

    def _find(self, selector, path="/element"):
        value = self.command("POST", path, {"using": "css selector", "value": selector})
        return Element(self, value[ELEMENT_KEY], selector)

    def _find_all(self, selector, path="/elements"):
        values = self.command("POST", path, {"using": "css selector", "value": selector})
        return [Element(self, v[ELEMENT_KEY], selector) for v in values]

    def find(self, selector):
        """The first element matching @selector; WebDriverError
        'no such element' when there is none."""
        return self._find(selector)

    def find_all(self, selector):
        return self._find_all(selector)

    def exists(self, selector):
        return len(self._find_all(selector)) > 0

    def navigating(self, action, timeout=15):
        """Runs @action (a click that loads a page) and waits until a new
        document has replaced this one and is loaded: a click may return
        before the browser has left the old page."""
        self.execute("window.__xfOldPage = true")
        action()
        deadline = time.monotonic() + timeout
        while True:
            try:
                state = self.execute("return window.__xfOldPage === true ? 'old' : document.readyState")
            except WebDriverError:
                state = "loading"   # between documents
            if state == "complete":
                return
            if time.monotonic() > deadline:
                raise WebDriverError("navigation", "timeout",
                                     "still %s after %d s at %s" % (state, timeout, self.current_url))
            time.sleep(0.05)

    def wait_for(self, selector, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            found = self._find_all(selector)
            if found:
                return found[0]
            if time.monotonic() > deadline:
                raise WebDriverError("wait for %s" % selector, "no such element",
                                     "not there after %d s at %s" % (timeout, self.current_url))
            time.sleep(0.1)


def chromium_capabilities(binary, user_data_dir, width=390, height=844, ratio=2):
    """Headless Debian chromium emulating a phone of @width × @height CSS
    pixels at @ratio device pixels each."""
    return {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": binary,
            "args": ["--headless", "--no-sandbox", "--disable-gpu",
                     "--window-size=%d,%d" % (width, height),
                     "--user-data-dir=" + user_data_dir,
                     "--no-first-run", "--no-default-browser-check",
                     "--disable-dev-shm-usage", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--metrics-recording-only",
                     "--lang=zh-CN"],
            "mobileEmulation": {
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": ratio},
            },
        },
        "pageLoadStrategy": "normal",
        "timeouts": {"implicit": 0, "pageLoad": 30000, "script": 30000},
    }
