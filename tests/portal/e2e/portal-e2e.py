#!/usr/bin/env python3
# portal-e2e.py — the public portal end to end: the real xianfeng-portal on
#                 a loopback port and a demo database, driven by Debian's
#                 headless chromium through chromedriver
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a visitor does, checked against what the desk sees (xianfeng-cli
# --json as the demo's admin, clerk, reviewer and dispatcher; the database
# read only where the CLI has no command: row counts, stored objections):
#   month     / lists the newest frozen month's individuals and collectives
#             as `ranking top` ranks them, each linking its card
#   card      open a pioneer's card (public fields only, phone-wide), like
#             it twice: counted, then already liked; exactly one new
#             card-liked event and one card-viewed; share twice: one
#             card-shared (events list)
#   booking   from the card, the booking form: empty → field errors and
#             nothing stored; filled → the request in the dispatcher's
#             queue, channel portal, status booked
#   rating    the dispatcher accepts, starts and completes it (services
#             accept, start, complete: its pioneer's service-done event);
#             the visitor finds it by code and contact (a wrong one: the
#             same 404 as a wrong code), an empty rating is refused, then
#             rates it: the feedback through the CLI
#   order     点单 from the service menu: an open request in the queue; the
#             dispatcher claims it for the best-suited pioneer (services
#             suggest, services claim) and the visitor's page says so
#   objection a notice open for objections: an empty objection is refused;
#             a named one with a contact and a file lands in the notice's
#             register, channel portal, and the portal never shows the
#             contact; an anonymous one keeps no name
#   http      plain HTTP, no browser: oversize body 413, missing CSRF 403,
#             unknown ids 404, an invalid form 422, a bad method 405 —
#             each a full HTML page —, a bot's view and like and a HEAD:
#             no row added anywhere (as
#             another address, through the trusted proxy's X-Forwarded-For)
#   language  Chinese by default; ?lang=en sets xf_lang; the header's switch
#             goes back and is remembered
#   rate      21 lookups a minute from one address: the 21st is 429 (an
#             HTML page with Retry-After), another address is not limited
#   log       the server's log holds no query, form value, contact or cookie
# The portal runs with a key file (--config) naming its public base-url.
# With $XIANFENG_SCREENSHOT_DIR it saves portal-card.png and
# portal-request.png (390×844 CSS pixels at 2×) and their -zh_CN twins.
#
# Environment (tests/portal/e2e/meson.build sets it): XIANFENG_PORTAL,
# XIANFENG_CLI (built programs), XIANFENG_DATA_DIR.
# XIANFENG_CHROMIUM / XIANFENG_CHROMEDRIVER override /usr/bin's;
# XIANFENG_E2E_KEEP=1 keeps the temporary folder (database, logs).
# With XIANFENG_TEST_BACKEND=postgresql (meson's --setup postgresql) the
# database is a fresh schema at $XIANFENG_TEST_POSTGRESQL, read through psql,
# and dropped at the end.
# Exit 0 when every check passed, 1 when one failed, 77 (skipped) only when
# chromium or chromedriver is missing. Every process it starts is ended on
# exit, by its process group.

import datetime
import hashlib
import html
import http.client
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import zlib

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webdriver as wd  # noqa: E402

CHROMIUM = os.environ.get("XIANFENG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("XIANFENG_CHROMEDRIVER", "/usr/bin/chromedriver")
PASSWORD = "xianfeng"   # the demo accounts'
PUBLIC_BASE_URL = "https://xianfeng.example.org"   # the portal's base-url behind its proxy
# The tiers by rank (xf_tier_rank) and the card colours the stylesheet knows.
TIERS = ("national", "provincial", "city", "county", "cultivation")
TIER_COLOURS = ("gold", "silver", "bronze", "blue", "cyan")


class Failure(Exception):
    pass


def check(condition, message, *args):
    if not condition:
        raise Failure(message % args if args else message)


def check_equal(actual, expected, what):
    if actual != expected:
        raise Failure("%s: expected %r, got %r" % (what, expected, actual))


def log(message, *args):
    print(message % args if args else message, flush=True)


def executable(variable):
    path = os.environ.get(variable)
    if not path or not os.access(path, os.X_OK):
        log("Bail out! $%s is not a built program (%r): run through meson test", variable, path)
        sys.exit(99)
    return path


class Portal:
    """The portal under test, its database and the desk's tools."""

    def __init__(self, folder, processes):
        self.folder = folder
        self.processes = processes
        self.cli_path = executable("XIANFENG_CLI")
        self.portal_path = executable("XIANFENG_PORTAL")
        self.database = os.path.join(folder, "demo.db")
        # `meson test --setup postgresql --suite portal-e2e`: the same on a
        # fresh schema of the test server (as tests/xf-test-store.c does).
        self.pg_url = None
        self.pg_schema = None
        if os.environ.get("XIANFENG_TEST_BACKEND") == "postgresql":
            self.pg_url = os.environ.get("XIANFENG_TEST_POSTGRESQL")
            if not self.pg_url:
                log("Bail out! --setup postgresql needs $XIANFENG_TEST_POSTGRESQL (build-aux/pg-cluster url)")
                sys.exit(99)
            self.pg_schema = "xf_e2e_%d_%08x" % (os.getpid(), random.getrandbits(32))
            self.database = "%s%coptions=-csearch_path%%3D%s%%2Cpublic" % (
                self.pg_url, "&" if "?" in self.pg_url else "?", self.pg_schema)
        self.secret = os.path.join(folder, "state", "portal-secret")
        self.env = dict(os.environ)
        self.env.setdefault("LANG", "C.UTF-8")
        self.env["XIANFENG_PASSWORD"] = PASSWORD
        self.env.pop("XIANFENG_USER", None)
        self.port = None
        self.process = None
        self.log_path = os.path.join(folder, "portal.log")

    # The desk's side

    def run(self, argv, what):
        result = subprocess.run(argv, env=self.env, capture_output=True, timeout=180)
        stdout = result.stdout.decode("utf-8", "replace")
        stderr = result.stderr.decode("utf-8", "replace")
        if result.returncode != 0:
            raise Failure("%s exited %d: %s%s" % (what, result.returncode, stderr.strip(), stdout.strip()[:500]))
        return stdout

    def cli(self, *args, user="admin", as_json=True):
        argv = [self.cli_path, "--database", self.database]
        if user is not None:
            argv += ["--user", user]
        argv += list(args)
        if as_json:
            argv.append("--json")
        out = self.run(argv, "xianfeng-cli " + " ".join(args))
        return json.loads(out) if as_json else out

    def step(self, action, request, *extra):
        """One step of a request's progress at the desk, as the dispatcher;
        the request's status after it."""
        self.cli("services", action, request, *extra, user="dispatcher", as_json=False)
        return self.cli("services", "show", request, user="dispatcher")["status"]

    def events(self, uid):
        """A pioneer's engagement events, oldest first (events list)."""
        return self.cli("events", "list", "--pioneer", uid, user="dispatcher")["events"]

    def count_events(self, uid, kind, source="portal"):
        return sum(1 for e in self.events(uid) if e["kind"] == kind and e["source"] == source)

    def query(self, sql, *params, ints=()):
        """Rows from the database: the SQLite file opened read-only, or on
        PostgreSQL through psql (text; the columns @ints as integers)."""
        if self.pg_url is None:
            connection = sqlite3.connect("file:%s?mode=ro" % urllib.parse.quote(self.database),
                                         uri=True, timeout=10)
            try:
                return connection.execute(sql, params).fetchall()
            finally:
                connection.close()
        pieces = sql.split("?")
        check(len(pieces) == len(params) + 1, "query parameters: %s", sql)
        inlined = pieces[0]
        for param, piece in zip(params, pieces[1:]):
            inlined += (str(int(param)) if isinstance(param, int)
                        else "'" + str(param).replace("'", "''") + "'") + piece
        out = self.psql("SET search_path TO %s, public; %s" % (self.pg_schema, inlined))
        rows = []
        for line in out.split("\n"):
            if line == "" or line == "SET":
                continue
            row = line.split("\x1f")
            rows.append(tuple(int(v) if i in ints else v for i, v in enumerate(row)))
        return rows

    def psql(self, sql):
        result = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
                                 self.pg_url, "-c", sql], env=self.env, capture_output=True, timeout=60)
        if result.returncode != 0:
            raise Failure("psql: %s" % result.stderr.decode("utf-8", "replace").strip())
        return result.stdout.decode("utf-8")

    def count(self, table, where="1 = 1", *params):
        return self.query("SELECT count(*) FROM %s WHERE %s" % (table, where), *params, ints=(0,))[0][0]

    def drop(self):
        """Removes the PostgreSQL schema the test made."""
        if self.pg_url is not None:
            try:
                self.psql("DROP SCHEMA IF EXISTS %s CASCADE" % self.pg_schema)
            except (Failure, OSError, subprocess.TimeoutExpired) as error:
                log("# could not drop the schema %s: %s", self.pg_schema, error)

    def counts(self):
        """What the public could have added: a snapshot to compare."""
        return {table: self.count(table) for table in
                ("service_requests", "service_feedback", "objections", "objection_files",
                 "engagement_events")}

    # The server

    def make_demo(self):
        started = time.monotonic()
        if self.pg_url is not None:
            self.psql("CREATE SCHEMA %s" % self.pg_schema)
        self.cli("demo", user=None, as_json=False)
        log("# demo database in %.1f s: %s", time.monotonic() - started, self.database)

    def start(self):
        self.port = wd.free_port()
        # A key file as the organisation would write one (the defaults but
        # the public address, which a shared card's link shows).
        config = os.path.join(self.folder, "portal.conf")
        with open(config, "w", encoding="utf-8") as f:
            f.write("[portal]\nbase-url=%s/\n" % PUBLIC_BASE_URL)
        argv = [self.portal_path, "--config", config, "--database", self.database,
                "--listen", "127.0.0.1:%d" % self.port, "--secret-file", self.secret]
        self.process = self.processes.start(argv, self.log_path, env=self.env)
        deadline = time.monotonic() + 60
        last = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failure("xianfeng-portal exited %d before answering /healthz: %s"
                              % (self.process.returncode, self.log_tail()))
            try:
                status, headers, body = http_request("GET", self.url("/healthz"))
                if status == 200:
                    check_equal(body.decode().strip(), "ok", "/healthz body")
                    check(headers.get("Content-Type", "").startswith("text/plain"),
                          "/healthz is not text/plain: %s", headers.get("Content-Type"))
                    return
                last = "status %d" % status
            except OSError as error:
                last = str(error)
            time.sleep(0.2)
        raise Failure("xianfeng-portal did not answer /healthz in 60 s (%s): %s" % (last, self.log_tail()))

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""


def http_request(method, url, body=None, headers=None, opener=None):
    """(status, headers, body) of one plain HTTP request; redirects are not followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    handlers = [NoRedirect()]
    if opener is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(opener))
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Scenario:
    def __init__(self, portal, browser, shots):
        self.portal = portal
        self.browser = browser
        self.shots = shots
        self.today = datetime.date.today()
        self.pioneer = None
        self.request_code = None
        self.contact = None
        self.secrets = []   # what the server's log must never hold

    # Helpers

    def go(self, path, lang=None):
        if lang is not None:
            path += ("&" if "?" in path else "?") + "lang=" + lang
        self.browser.get(self.portal.url(path))

    def path(self):
        parsed = urllib.parse.urlsplit(self.browser.current_url)
        return parsed.path, urllib.parse.parse_qs(parsed.query)

    def html_lang(self):
        return self.browser.execute("return document.documentElement.lang")

    def shot(self, name, lang):
        if not self.shots:
            return
        suffix = "-zh_CN" if lang == "zh" else ""
        path = os.path.join(self.shots, "portal-%s%s.png" % (name, suffix))
        # Fonts and the stylesheet first, so that the shot is the page as shown.
        self.browser.execute("return document.fonts ? document.fonts.status : 'loaded'")
        time.sleep(0.3)
        size = self.browser.screenshot(path)
        log("# screenshot %s (%d bytes)", path, size)

    def submit(self, form_selector):
        """Submits the form with its own submit button, with the browser's
        own validation off: the server's is what is tested."""
        form = self.browser.find(form_selector)
        self.browser.execute("arguments[0].noValidate = true", form)
        buttons = form.find_all("button[type=submit], input[type=submit], button:not([type])")
        check(buttons, "%s has no submit button", form_selector)
        self.browser.navigating(buttons[-1].click)

    def fill(self, form, name, value):
        field = form.find("[name=%s]" % name)
        tag = field.property("tagName").lower()
        kind = (field.attribute("type") or "").lower()
        if tag == "select":
            options = field.find_all("option[value=\"%s\"]" % value)
            check(options, "select %s has no option %r", name, value)
            options[0].click()
        elif kind == "date":
            self.browser.execute("arguments[0].value = arguments[1]", field, value)
        else:
            field.clear()
            field.send_keys(value)

    def field_errors(self):
        """{field: message} shown under the fields, and the form's own error."""
        errors = {}
        for element in self.browser.find_all("p.field-error"):
            errors[(element.attribute("id") or "").replace("error-", "", 1)] = element.text
        for element in self.browser.find_all("#form-error"):
            errors["*form*"] = element.text
        return errors

    def check_invalid_marked(self, form_selector, errors):
        """Each field with an error says so to a screen reader:
        aria-invalid="true" and aria-describedby naming its error."""
        for name in errors:
            if name == "*form*":
                continue
            field = self.browser.find("%s [name=%s]" % (form_selector, name))
            described = (field.attribute("aria-describedby") or "").split()
            check(field.attribute("aria-invalid") == "true" and "error-" + name in described,
                  "%s: the field %s with an error has aria-invalid=%r aria-describedby=%r",
                  form_selector, name, field.attribute("aria-invalid"), field.attribute("aria-describedby"))

    def check_cookies(self, names):
        """The portal's cookies: HttpOnly, SameSite=Lax, Path=/, and not
        Secure on plain HTTP (secure-cookies is off by default)."""
        cookies = self.browser.cookies()
        for name in names:
            check(name in cookies, "no cookie %s (cookies: %s)", name, ", ".join(sorted(cookies)))
            cookie = cookies[name]
            got = (cookie.get("httpOnly"), cookie.get("sameSite"), cookie.get("path"), cookie.get("secure"))
            check_equal(got, (True, "Lax", "/", False), "cookie %s (HttpOnly, SameSite, Path, Secure)" % name)

    def check_labels(self, form_selector):
        """Every field a visitor fills has a label (<label for=ID> or
        around it, or aria-label): screen readers and tapping the label."""
        unlabelled = self.browser.execute("""
            const form = document.querySelector(arguments[0]);
            return Array.from(form.querySelectorAll('input, select, textarea'))
              .filter(f => f.type !== 'hidden' && f.type !== 'submit' && f.type !== 'button')
              .filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-label')
                           && !f.getAttribute('aria-labelledby'))
              .map(f => f.name + (f.type === 'radio' ? '=' + f.value : ''));""", form_selector)
        check(not unlabelled, "%s: fields without a label: %s", form_selector, ", ".join(unlabelled))

    def assert_phone_layout(self, what):
        width = self.browser.execute("return window.innerWidth")
        check_equal(width, 390, "%s: the layout viewport (a <meta name=viewport> is needed)" % what)
        overflow = self.browser.execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check(overflow <= 0, "%s: the page is %d px wider than the phone", what, overflow)

    # The scenario

    def pick_pioneer(self):
        """A pioneer who offers a service: one the demo's desk booked."""
        listing = self.portal.cli("services", "list", "--status", "booked", user="dispatcher")
        requests = [r for r in listing["requests"] if r.get("booked_pioneer_uid")]
        check(requests, "the demo has no booked request to take a pioneer from")
        booked = requests[0]
        pioneer = self.portal.cli("pioneers", "show", booked["booked_pioneer_uid"])
        check_equal(pioneer["status"], "active", "the pioneer's status")
        self.pioneer = pioneer
        self.booked_item = booked["item"]
        self.booked_region = booked["region"]
        log("# pioneer %s %s (%s), offers %s in %s", pioneer["uid"], pioneer["name"],
            pioneer["region"], self.booked_item, self.booked_region)

    def test_month(self):
        p = self.portal
        months = p.cli("ranking", "months")["months"]
        check(months, "the demo has no frozen month")
        top = p.cli("ranking", "top", months[0])
        collectives = p.cli("ranking", "top", months[0], "--collectives")
        self.go("/", "en")
        self.browser.wait_for("ol#month-individuals")
        self.assert_phone_layout("Pioneers of the Month")
        for selector, ranking in (("ol#month-individuals", top), ("ol#month-collectives", collectives)):
            links = [a.attribute("href") for a in self.browser.find_all(selector + " li a")]
            expected = ["/p/" + e["pioneer_uid"] for e in ranking["entries"]]
            links = [urllib.parse.urlsplit(link).path for link in links]
            check_equal(links, expected, "%s's links (ranking top %s)" % (selector, months[0]))
        first = top["entries"][0]
        self.browser.navigating(self.browser.find("ol#month-individuals li a").click)
        check_equal(self.browser.wait_for("#card-name").text.strip(), first["name"],
                    "the card of the month's first")
        log("# %s: %d individuals and %d collectives, first %s", months[0], len(top["entries"]),
            len(collectives["entries"]), first["name"])

    def test_card(self):
        p = self.portal
        uid = self.pioneer["uid"]
        viewed_before = p.count_events(uid, "card-viewed")
        liked_before = p.count_events(uid, "card-liked")
        newest_before = max((e["id"] for e in p.events(uid)), default=0)

        self.go("/p/" + uid, "en")
        self.browser.wait_for("#card")
        check_equal(self.browser.find("#card-name").text.strip(), self.pioneer["name"], "#card-name")
        check(self.html_lang().startswith("en"), "?lang=en gives <html lang=%r>", self.html_lang())
        # tier-TIER: the tier's code, or the colour the stylesheet gives its rank.
        card_class = (self.browser.find("#card").attribute("class") or "").split()
        tier = self.pioneer["tier"]
        colour = dict(zip(TIERS, TIER_COLOURS)).get(tier)
        check("card" in card_class and ("tier-" + tier in card_class or "tier-%s" % colour in card_class),
              "#card's class %r lacks tier-%s (or tier-%s)", " ".join(card_class), tier, colour)
        self.assert_phone_layout("the card")
        source = self.browser.page_source
        personal = p.query("SELECT id_number, mobile, birth_date FROM pioneers WHERE uid = ?", uid)[0]
        for key, value in zip(("identity number", "mobile", "birth date"), personal):
            if value:
                check(value not in source, "the card shows the pioneer's %s %s", key, value)
        self.check_cookies(("xf_v", "xf_lang"))
        check(self.browser.exists("#honours"), "the card has no #honours")
        check(self.browser.exists("a#book[href='/p/%s/book']" % uid),
              "the card of a pioneer with offers has no a#book → /p/%s/book" % uid)
        likes_before = int(self.browser.find("#likes").text.strip())

        # Viewing is counted once a day per visitor: a headless browser is no bot.
        self.go("/p/" + uid, "en")
        check_equal(p.count_events(uid, "card-viewed"), viewed_before + 1,
                    "card-viewed events after two views")

        self.browser.navigating(self.browser.find("#like-form #like").click)
        self.browser.wait_for("#like-result")
        path, query = self.path()
        check_equal((path, query.get("liked")), ("/p/" + uid, ["1"]), "the first like's redirect")
        check_equal(self.browser.find("#like-result").attribute("data-counted"), "1",
                    "#like-result data-counted after the first like")
        check_equal(int(self.browser.find("#likes").text.strip()), likes_before + 1, "#likes after a like")
        check_equal(p.count_events(uid, "card-liked"), liked_before + 1,
                    "card-liked events after the first like")
        self.shot("card", "en")
        self.go("/p/%s?liked=1" % uid, "zh")
        self.browser.wait_for("#card")
        check(self.html_lang().startswith("zh"), "?lang=zh gives <html lang=%r>", self.html_lang())
        self.shot("card", "zh")

        self.browser.navigating(self.browser.find("#like-form #like").click)
        self.browser.wait_for("#like-result")
        path, query = self.path()
        check_equal((path, query.get("liked")), ("/p/" + uid, ["0"]), "the second like's redirect")
        check_equal(self.browser.find("#like-result").attribute("data-counted"), "0",
                    "#like-result data-counted after the second like")
        check_equal(int(self.browser.find("#likes").text.strip()), likes_before + 1, "#likes after a second like")
        check_equal(p.count_events(uid, "card-liked"), liked_before + 1,
                    "card-liked events after the second like (one counts)")

        # A share is recorded once a day per visitor too.
        shared_before = p.count_events(uid, "card-shared")
        for attempt in (1, 2):
            self.browser.navigating(self.browser.find("#share-form #share").click)
            self.browser.wait_for("#share-result")
            check_equal(self.browser.find("#share-link").property("value"),
                        "%s/p/%s" % (PUBLIC_BASE_URL, uid), "the shared address (base-url + /p/UID)")
            path, query = self.path()
            check_equal((path, query.get("shared")), ("/p/" + uid, ["1"]), "share %d's redirect" % attempt)
            check_equal(p.count_events(uid, "card-shared"), shared_before + 1,
                        "card-shared events after share %d" % attempt)

        new = [e for e in p.events(uid) if e["id"] > newest_before]
        kinds = sorted(e["kind"] for e in new)
        check_equal(kinds, ["card-liked", "card-shared", "card-viewed"], "the new engagement events")
        for event in new:
            kind, source_id, visitor, occurred_on = event["kind"], event["source_id"], event["visitor"], event["date"]
            check_equal(event["source"], "portal", "%s: the source" % kind)
            check_equal(event["value"], 1, "%s: the value" % kind)
            check(visitor and re.fullmatch(r"[0-9a-f]{32}", visitor),
                  "%s: the visitor %r is not a visitor key", kind, visitor)
            check(source_id.endswith(":%s:%s" % (uid, occurred_on)) and visitor in source_id,
                  "%s: source_id %r is not <kind>:<visitor>:<uid>:<day>", kind, source_id)
        log("# like counted once: card-liked %d → %d, #likes %d → %d", liked_before, liked_before + 1,
            likes_before, likes_before + 1)

    def test_booking(self):
        p = self.portal
        uid = self.pioneer["uid"]
        self.go("/p/" + uid, "en")
        self.browser.navigating(self.browser.find("a#book").click)
        form = self.browser.wait_for("form#request-form")
        check_equal(self.path()[0], "/p/%s/book" % uid, "the booking link")
        for name in ("item", "requester", "contact", "region", "place", "needed_by", "description", "csrf"):
            check(form.find_all("[name=%s]" % name), "the booking form has no field %s", name)
        self.check_labels("form#request-form")
        self.assert_phone_layout("the booking form")

        # Empty: errors under the fields, nothing stored.
        before = p.counts()
        self.submit("form#request-form")
        self.browser.wait_for("p.field-error, #form-error")
        errors = self.field_errors()
        # Every required field at once, under itself (the select's first
        # option may already be chosen: then item and region need none).
        required = ["requester", "contact", "description"]
        for name in ("item", "region"):
            if not self.browser.find("form#request-form [name=%s]" % name).property("value"):
                required.append(name)
        check(sorted(errors) == sorted(required),
              "an empty booking's errors are not one under each required field %s: %r", required, errors)
        check_equal(p.counts(), before, "rows after an empty booking")
        self.check_invalid_marked("form#request-form", errors)
        check(self.browser.exists("form#request-form"), "an empty booking does not show the form again")
        log("# empty booking refused: %s", ", ".join(sorted(errors)))

        # Filled in.
        self.contact = "139%08d" % random.randrange(10 ** 8)
        self.secrets.append(self.contact)
        form = self.browser.find("form#request-form")
        items = [o.attribute("value") for o in form.find_all("select[name=item] option")]
        item = self.booked_item if self.booked_item in items else next(v for v in items if v)
        needed_by = (self.today + datetime.timedelta(days=10)).isoformat()
        values = {"item": item, "requester": "端到端 测试", "contact": self.contact,
                  "region": self.booked_region, "place": "练市镇社区服务中心",
                  "needed_by": needed_by, "description": "E2E: 想请先锋来讲一次课。"}
        for name, value in values.items():
            self.fill(form, name, value)
        self.submit("form#request-form")
        created = self.browser.wait_for("#request-created")
        path, query = self.path()
        match = re.fullmatch(r"/requests/([A-Z0-9]{4}-[A-Z0-9]{4})", path)
        check(match and query.get("new") == ["1"], "a booking leads to %s, not /requests/CODE?new=1", path)
        self.request_code = match.group(1)
        check(self.request_code in created.text, "#request-created %r lacks the code", created.text)
        check_equal(self.browser.find("#status").attribute("data-status"), "booked", "#status after booking")
        source = self.browser.page_source
        check(self.contact not in source, "the request page shows the contact")
        check(values["requester"] not in source, "the request page shows the requester's name")
        self.check_cookies(("xf_r",))
        check_equal(p.count("service_requests") - before["service_requests"], 1, "new service_requests rows")

        shown = p.cli("services", "show", self.request_code, user="dispatcher")
        for key, expected in (("channel", "portal"), ("status", "booked"), ("booked_pioneer_uid", uid),
                              ("item", item), ("region", self.booked_region),
                              ("requester", values["requester"]), ("contact", self.contact),
                              ("needed_by", needed_by), ("description", values["description"])):
            check_equal(shown.get(key), expected, "services show %s: %s" % (self.request_code, key))
        queue = p.cli("services", "list", "--status", "unclaimed", user="dispatcher")
        check(any(r["code"] == self.request_code for r in queue["requests"]),
              "%s is not in the dispatcher's queue (services list --status unclaimed)", self.request_code)
        log("# booked %s: channel portal, status booked, in the dispatcher's queue", self.request_code)

    def test_rating(self):
        p = self.portal
        check(self.request_code, "no request was booked")
        code = self.request_code
        check_equal(p.step("accept", code), "claimed", "the request after the pioneer accepted (services accept)")
        check_equal(p.step("start", code), "in-progress", "the request after services start")
        check_equal(p.step("complete", code, "讲完了（E2E）"), "done", "the request after services complete")
        shown = p.cli("services", "show", code, user="dispatcher")
        check_equal((shown["claimed_by_uid"], shown["claim_kind"], shown["done_note"]),
                    (self.pioneer["uid"], "booking", "讲完了（E2E）"), "services show %s after the steps" % code)
        done = [e for e in p.events(self.pioneer["uid"]) if e["kind"] == "service-done"]
        check(any(e["record_uid"] == shown["uid"] for e in done),
              "no service-done event of %s for its pioneer (events list)", code)

        # Another visitor's browser would have no proof: forget it.
        self.browser.command("DELETE", "/cookie/xf_r")
        self.go("/requests/" + code, "en")
        check(not self.browser.exists("#status"), "/requests/%s shows the status without the contact" % code)

        # A wrong contact and a wrong code get the same answer.
        self.go("/requests", "en")
        answers = []
        for try_code, try_contact in ((code, "13000000000"), ("ZZZZ-ZZZZ", self.contact)):
            form = self.browser.wait_for("form#lookup-form")
            self.fill(form, "code", try_code)
            self.fill(form, "contact", try_contact)
            self.submit("form#lookup-form")
            self.browser.wait_for("body")
            check(not self.browser.exists("#status"), "a wrong code or contact shows a status")
            answers.append(self.browser.find("main, body").text)
            self.go("/requests", "en")
        check_equal(answers[0], answers[1], "the page for a wrong contact and for a wrong code")

        form = self.browser.wait_for("form#lookup-form")
        self.fill(form, "code", code)
        self.fill(form, "contact", self.contact[:3] + " " + self.contact[3:7] + " " + self.contact[7:])
        self.submit("form#lookup-form")
        status = self.browser.wait_for("#status")
        check_equal(self.path()[0], "/requests/" + code, "the lookup's redirect")
        check_equal(status.attribute("data-status"), "done", "#status once done")
        check(self.browser.exists("ol#steps"), "the request page has no ol#steps")
        check(self.browser.exists("form#rate-form"), "a done request shows no form#rate-form")
        self.check_labels("form#rate-form")
        check(self.contact not in self.browser.page_source, "the request page shows the contact")
        self.assert_phone_layout("the request page")
        self.shot("request", "en")
        self.go("/requests/" + code, "zh")
        self.browser.wait_for("form#rate-form")
        self.shot("request", "zh")
        self.go("/requests/" + code, "en")

        # An empty rating is refused, nothing stored.
        before = p.counts()
        self.submit("form#rate-form")
        self.browser.wait_for("p.field-error, #form-error")
        check_equal(p.counts(), before, "rows after an empty rating")
        check(self.browser.exists("form#rate-form"), "an empty rating does not show the form again")

        form = self.browser.find("form#rate-form")
        form.find("input[name=rating][value='4']").click()
        liked = form.find("input[name=liked]")
        if not liked.property("checked"):
            liked.click()
        self.fill(form, "comment", "讲得很好，谢谢！E2E")
        self.submit("form#rate-form")
        self.browser.wait_for("#rated")
        path, query = self.path()
        check_equal((path, query.get("rated")), ("/requests/" + code, ["1"]), "the rating's redirect")
        check(not self.browser.exists("form#rate-form"), "a rated request still shows the rating form")
        feedback = p.cli("services", "show", code, user="dispatcher").get("feedback") or {}
        check_equal((feedback.get("rating"), feedback.get("liked"), feedback.get("comment")),
                    (4, True, "讲得很好，谢谢！E2E"), "services show %s: feedback" % code)
        log("# %s accepted, done, found by code and contact, rated 4 with a like", code)

    def test_order(self):
        """点单 from the menu: an open request in the queue; the dispatcher's
        claim for the best-suited pioneer shows on the visitor's page."""
        p = self.portal
        item = self.booked_item
        self.go("/services", "en")
        link = "ul#services a[href='/services/%s']" % item
        check(self.browser.exists(link), "/services does not list %s", item)
        self.browser.navigating(self.browser.find(link).click)
        form = self.browser.wait_for("form#request-form")
        check(not form.find_all("[name=item]") or form.find("[name=item]").attribute("type") == "hidden",
              "the 点单 form asks for the service again")
        self.check_labels("form#request-form")
        contact = "137%08d" % random.randrange(10 ** 8)
        self.secrets.append(contact)
        values = {"requester": "点单 测试", "contact": contact, "region": self.booked_region,
                  "place": "练市镇", "needed_by": (self.today + datetime.timedelta(days=5)).isoformat(),
                  "description": "E2E：请帮忙看看这项专利。"}
        for name, value in values.items():
            self.fill(form, name, value)
        self.submit("form#request-form")
        self.browser.wait_for("#request-created")
        path, query = self.path()
        match = re.fullmatch(r"/requests/([A-Z0-9]{4}-[A-Z0-9]{4})", path)
        check(match and query.get("new") == ["1"], "a 点单 leads to %s, not /requests/CODE?new=1", path)
        code = match.group(1)
        check_equal(self.browser.find("#status").attribute("data-status"), "open", "#status after 点单")

        shown = p.cli("services", "show", code, user="dispatcher")
        for key, expected in (("channel", "portal"), ("status", "open"), ("booked_pioneer_uid", None),
                              ("item", item), ("contact", contact), ("requester", values["requester"])):
            check_equal(shown.get(key), expected, "services show %s: %s" % (code, key))
        best = p.cli("services", "suggest", code, user="dispatcher")["suggestions"]
        check(best, "services suggest %s: nobody", code)
        # The best suited may be at their offer's monthly capacity: then the next.
        refusals = []
        for suggestion in best[:5]:
            try:
                p.cli("services", "claim", code, suggestion["pioneer_uid"], user="dispatcher", as_json=False)
                break
            except Failure as error:
                refusals.append(str(error))
        else:
            raise Failure("no suggested pioneer could claim %s: %s" % (code, "; ".join(refusals)))
        best = [suggestion]
        check_equal(p.cli("services", "show", code, user="dispatcher")["status"], "claimed",
                    "services show %s after the claim" % code)
        self.go("/requests/" + code, "en")
        check_equal(self.browser.wait_for("#status").attribute("data-status"), "claimed",
                    "#status after the dispatcher's claim")
        check(self.browser.exists("a[href='/p/%s']" % best[0]["pioneer_uid"]),
              "the request page does not link the claiming pioneer's card")
        log("# 点单 %s: open in the queue, claimed by %s", code, best[0]["pioneer"])

    def test_objection(self):
        p = self.portal
        notices = p.cli("notices", "list", "--status", "published")["notices"]
        open_ones = [n for n in notices if n["starts_on"] <= self.today.isoformat() <= n["ends_on"]]
        check(open_ones, "the demo has no notice open for objections today (%s)", self.today)
        notice = p.cli("notices", "show", str(open_ones[0]["id"]))
        notice_id = notice["id"]
        candidate = notice["candidates"][-1]

        self.go("/notices", "en")
        check(self.browser.exists("ul#notices a[href='/notices/%d']" % notice_id),
              "/notices does not list the open notice %d", notice_id)
        self.browser.navigating(self.browser.find("ul#notices a[href='/notices/%d']" % notice_id).click)
        self.browser.wait_for("form#objection-form")
        self.assert_phone_layout("the notice")
        check(self.browser.exists("table#candidates"), "the notice has no table#candidates")
        check(candidate["name"] in self.browser.find("table#candidates").text,
              "table#candidates lacks %s", candidate["name"])
        form = self.browser.find("form#objection-form")
        check_equal(form.attribute("enctype"), "multipart/form-data", "the objection form's enctype")
        self.check_labels("form#objection-form")

        before = p.counts()
        register_before = len(notice.get("objection_list") or [])
        self.submit("form#objection-form")
        self.browser.wait_for("p.field-error, #form-error")
        errors = self.field_errors()
        check("grounds" in errors, "an empty objection shows no error under grounds (errors: %r)", errors)
        self.check_invalid_marked("form#objection-form", errors)
        check_equal(p.counts(), before, "rows after an empty objection")
        log("# empty objection refused: %s", ", ".join(sorted(errors)))

        contact = "138%08d" % random.randrange(10 ** 8)
        self.secrets.append(contact)
        name = "端到端 实名"
        grounds = "E2E：该候选人的事迹材料与实际不符，请核实。"
        form = self.browser.find("form#objection-form")
        self.fill(form, "candidate", str(candidate["nomination_id"]))
        anonymous = form.find("input[name=anonymous]")
        if anonymous.property("checked"):
            anonymous.click()
        self.fill(form, "name", name)
        self.fill(form, "contact", contact)
        self.fill(form, "grounds", grounds)
        evidence = os.path.join(self.portal.folder, "证据.png")
        with open(evidence, "wb") as f:
            f.write(tiny_png())
        form.find("input[type=file][name=file]").send_keys(evidence)
        self.submit("form#objection-form")
        result = self.browser.wait_for("#objection-result")
        path, query = self.path()
        check_equal(path, "/notices/%d" % notice_id, "the objection's redirect")
        reference = result.text.strip()
        check(re.fullmatch(r"[0-9A-F]{8}", reference), "#objection-result %r is not a reference", reference)
        check_equal(query.get("objection"), [reference], "?objection= after the objection")
        check(contact not in self.browser.page_source, "the notice page shows the objector's contact")

        check_equal(p.count("objections") - before["objections"], 1, "new objections rows")
        for user in ("admin", "clerk"):
            register = p.cli("notices", "show", str(notice_id), user=user).get("objection_list") or []
            check_equal(len(register), register_before + 1, "the register's objections (%s)" % user)
            ours = [o for o in register if o["uid"].upper().startswith(reference)]
            check(len(ours) == 1, "the register (%s) has no objection %s", user, reference)
            ours = ours[0]
            for key, expected in (("channel", "portal"), ("anonymous", False), ("objector", name),
                                  ("grounds", grounds), ("nomination_id", candidate["nomination_id"]),
                                  ("received_on", self.today.isoformat())):
                check_equal(ours.get(key), expected, "notices show %d (%s): %s" % (notice_id, user, key))
            log("# register as %s: contact %r (masked %s)", user, ours.get("contact"), ours.get("contact_masked"))
            if not ours.get("contact_masked"):
                check_equal(ours.get("contact"), contact, "the stored contact (%s)" % user)
        # A desk role without the right to personal data sees it masked.
        register = p.cli("notices", "show", str(notice_id), user="reviewer").get("objection_list") or []
        ours = [o for o in register if o["uid"].upper().startswith(reference)]
        check(len(ours) == 1, "the register (reviewer) has no objection %s", reference)
        check(ours[0].get("contact") != contact and ours[0].get("contact_masked") is True,
              "the reviewer sees the objector's contact: %r (masked %r)",
              ours[0].get("contact"), ours[0].get("contact_masked"))
        stored = p.query("SELECT channel, objector_name, objector_contact FROM objections "
                         "WHERE upper(uid) LIKE ? || '%'", reference)
        check_equal(stored, [("portal", name, contact)], "the objection's row (channel, name, contact)")
        files = p.query("SELECT f.file_name, f.content_type, f.size, f.sha256 FROM objection_files f "
                        "JOIN objections o ON o.id = f.objection_id WHERE upper(o.uid) LIKE ? || '%'",
                        reference, ints=(2,))
        png = tiny_png()
        check_equal(files, [("证据.png", "image/png", len(png), hashlib.sha256(png).hexdigest())],
                    "the objection's evidence file (name, type, size, SHA-256)")

        # Anonymous: no name needed, none kept.
        self.go("/notices/%d" % notice_id, "en")
        form = self.browser.wait_for("form#objection-form")
        self.fill(form, "candidate", str(candidate["nomination_id"]))
        anonymous = form.find("input[name=anonymous]")
        if not anonymous.property("checked"):
            anonymous.click()
        self.fill(form, "grounds", grounds + "（匿名）")
        self.submit("form#objection-form")
        reference2 = self.browser.wait_for("#objection-result").text.strip()
        stored = p.query("SELECT channel, CAST(anonymous AS INTEGER), objector_name, objector_contact "
                         "FROM objections WHERE upper(uid) LIKE ? || '%'", reference2, ints=(1,))
        check_equal(stored, [("portal", 1, "", "")], "the anonymous objection's row")
        log("# objection %s on notice %d against %s: in the register, channel portal",
            reference, notice_id, candidate["name"])

    def test_http(self):
        p = self.portal
        uid = self.pioneer["uid"]
        before = p.counts()
        problems = []

        def expect(what, status, headers, body, expected):
            text = body.decode("utf-8", "replace")
            kind = headers.get("Content-Type", "") if headers else ""
            if status != expected:
                problems.append("%s: status %d, expected %d" % (what, status, expected))
            elif not kind.startswith("text/html"):
                problems.append("%s: Content-Type %r, not an HTML page" % (what, kind))
            elif not re.search(r"<html[^>]*>", text) or "href=\"/\"" not in text:
                problems.append("%s: not a full HTML page with a link home" % what)
            else:
                log("# %s → %d %s", what, status, re.sub(r"\s+", " ", html.unescape(
                    re.search(r"<title>(.*?)</title>", text, re.S).group(1) if "<title>" in text else "")))

        # Through the trusted proxy (loopback) as another address, so that
        # the browser's rate limits and these are apart.
        proxied = {"X-Forwarded-For": "192.0.2.10"}
        jar = http.cookiejar.CookieJar()
        form = {"item": self.booked_item, "requester": "HTTP 测试", "contact": "13911112222",
                "region": self.booked_region, "place": "x", "description": "no csrf",
                "needed_by": (self.today + datetime.timedelta(days=10)).isoformat()}
        encoded = urllib.parse.urlencode(form).encode()
        form_type = dict(proxied, **{"Content-Type": "application/x-www-form-urlencoded"})

        expect("GET an unknown card", *http_request("GET", p.url("/p/00000000-0000-4000-8000-000000000000")), 404)
        expect("GET an unknown notice", *http_request("GET", p.url("/notices/999999")), 404)
        expect("GET an unknown service", *http_request("GET", p.url("/services/no-such-service")), 404)
        expect("GET an unknown path", *http_request("GET", p.url("/no/such/page")), 404)
        expect("POST a booking without csrf",
               *http_request("POST", p.url("/p/%s/book" % uid), encoded, form_type, jar), 403)
        expect("POST a like without csrf",
               *http_request("POST", p.url("/p/%s/like" % uid), b"", form_type, jar), 403)
        expect("POST a like on an unknown card without csrf",
               *http_request("POST", p.url("/p/00000000-0000-4000-8000-000000000000/like"), b"", form_type, jar),
               403)
        expect("DELETE a card", *http_request("DELETE", p.url("/p/" + uid)), 405)
        # A bot views and likes: nothing counted.
        bot_jar = http.cookiejar.CookieJar()
        bot = dict(proxied, **{"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"})
        status, headers, body = http_request("GET", p.url("/p/" + uid), headers=bot, opener=bot_jar)
        token = re.search(r'name="csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf"',
                          body.decode("utf-8", "replace"))
        if status != 200 or token is None:
            problems.append("GET a card as a bot: status %d, csrf %s" % (status, bool(token)))
        else:
            like = urllib.parse.urlencode({"csrf": token.group(1) or token.group(2)}).encode()
            status, headers, body = http_request("POST", p.url("/p/%s/like" % uid), like,
                                                 dict(bot, **{"Content-Type": "application/x-www-form-urlencoded"}),
                                                 bot_jar)
            if status != 303 or "liked=1" in (headers.get("Location") or ""):
                problems.append("POST a like as a bot: %d → %r, expected 303 not counted"
                                % (status, headers.get("Location")))
        # A HEAD (a link checker) reads the card without viewing it: no row.
        status, headers, body = http_request("HEAD", p.url("/p/" + uid), headers=proxied)
        if status != 200 or body:
            problems.append("HEAD a card: status %d, %d bytes of body" % (status, len(body)))
        status, headers, body = http_request("GET", p.url("/static/style.css"), headers=proxied)
        if (status, (headers.get("Content-Type") or "").split(";")[0]) != (200, "text/css") or \
                "max-age=86400" not in (headers.get("Cache-Control") or "") or len(body) < 100:
            problems.append("GET /static/style.css: %d %s, Cache-Control %r, %d bytes"
                            % (status, headers.get("Content-Type"), headers.get("Cache-Control"), len(body)))
        expect("POST an oversize booking", *oversize_post(p.port, "/p/%s/book" % uid, 1024 * 1024, form_type), 413)
        # A form with a file may be larger (max-upload), but not beyond.
        notices = p.cli("notices", "list", "--status", "published")["notices"]
        check(notices, "no published notice")
        multipart = dict(proxied, **{"Content-Type": "multipart/form-data; boundary=xfe2e"})
        expect("POST an oversize objection",
               *oversize_post(p.port, "/notices/%d/objections" % notices[0]["id"], 21 * 1024 * 1024 + 65536 + 1,
                              multipart), 413)

        # An invalid form with a valid token: 422, the errors named.
        status, headers, body = http_request("GET", p.url("/services/" + self.booked_item),
                                             headers=proxied, opener=jar)
        if status != 200:
            problems.append("GET /services/%s: status %d" % (self.booked_item, status))
        else:
            token = re.search(r'name="csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf"',
                              body.decode("utf-8", "replace"))
            if token is None:
                problems.append("GET /services/%s: no csrf field" % self.booked_item)
            else:
                csrf = token.group(1) or token.group(2)
                # One bad field at a time: the error must be under that field,
                # the other values kept.
                for name, value in (("contact", "not a phone"), ("requester", ""),
                                    ("needed_by", "2001-01-01"),
                                    ("contact", '"><b id="xss">x</b>')):
                    bad = dict(form, csrf=csrf, **{name: value})
                    status, headers, body = http_request("POST", p.url("/services/" + self.booked_item),
                                                         urllib.parse.urlencode(bad).encode(), form_type, jar)
                    what = "POST a request form with a bad %s" % name
                    expect(what, status, headers, body, 422)
                    text = body.decode("utf-8", "replace")
                    if 'id="error-%s"' % name not in text:
                        problems.append("%s: no error-%s in %s" % (what, name, re.findall(
                            r'id="(?:error-[a-z_]+|form-error)"[^>]*>[^<]*', text)))
                    kept = html.escape(value if name == "contact" else form["contact"], quote=False)
                    if "xss" in value:
                        if '<b id="xss">' in text:
                            problems.append("%s: the value given is not escaped" % what)
                    elif kept not in text:
                        problems.append("%s: the values given are not kept" % what)
                # The same token on an unknown card's booking: 404, not a request.
                bad = dict(form, csrf=token.group(1) or token.group(2))
                expect("POST a booking on an unknown card",
                       *http_request("POST", p.url("/p/00000000-0000-4000-8000-000000000000/book"),
                                     urllib.parse.urlencode(bad).encode(), form_type, jar), 404)

        after = p.counts()
        if after != before:
            problems.append("rows changed: %r → %r" % (before, after))
        check(not problems, "\n  ".join(problems))


    def test_language(self):
        """Chinese by default; ?lang=en switches and remembers it; the
        header's switch goes back."""
        p = self.portal
        status, headers, body = http_request("GET", p.url("/"))
        check_equal(status, 200, "GET /")
        check(re.search(rb'<html[^>]*lang="zh', body), "/ without a cookie is not Chinese: %r",
              re.search(rb"<html[^>]*>", body).group(0) if re.search(rb"<html[^>]*>", body) else body[:80])
        status, headers, body = http_request("GET", p.url("/?lang=en"))
        cookies = headers.get_all("Set-Cookie") or []
        check(any(c.startswith("xf_lang=en") for c in cookies), "?lang=en sets no xf_lang=en: %r", cookies)
        check(re.search(rb'<html[^>]*lang="en', body), "/?lang=en is not English")

        self.go("/", "en")
        switch = [a for a in self.browser.find_all("header a, nav a") if "lang=zh" in (a.attribute("href") or "")]
        check(switch, "the English page has no link to ?lang=zh")
        self.browser.navigating(switch[0].click)
        check(self.html_lang().startswith("zh"), "the switch leads to <html lang=%r>", self.html_lang())
        self.go("/notices")
        check(self.html_lang().startswith("zh"), "the language is not remembered: <html lang=%r>", self.html_lang())
        check_equal(self.browser.cookies().get("xf_lang", {}).get("value"), "zh", "the xf_lang cookie")

    def test_log(self):
        """The server's log: one line per request, never a query, a form
        value or a cookie."""
        text = open(self.portal.log_path, encoding="utf-8", errors="replace").read()
        leaks = [secret for secret in self.secrets if secret in text]
        check(not leaks, "the server's log holds the contacts %s", ", ".join(leaks))
        for pattern, what in ((r"\?[a-z_]+=", "a query"), (r"csrf=", "a CSRF token"),
                              (r"xf_[vr]=", "a cookie"), (r"lang=", "a query")):
            found = re.search(pattern, text)
            check(not found, "the server's log holds %s: %r", what,
                  text[max(0, found.start() - 60):found.end() + 20] if found else "")
        lines = [l for l in text.splitlines() if re.match(r"(GET|POST|HEAD|DELETE|PUT) /", l)]
        check(len(lines) > 10, "the server's log has only %d request lines", len(lines))

    def test_rate_limit(self):
        """The default 20 posts a minute per address: the 21st within the
        minute is refused with 429 (an HTML page, Retry-After), another
        address is not, and nothing is stored."""
        p = self.portal
        before = p.counts()
        jar = http.cookiejar.CookieJar()
        address = {"X-Forwarded-For": "192.0.2.99"}
        status, headers, body = http_request("GET", p.url("/requests"), headers=address, opener=jar)
        check_equal(status, 200, "GET /requests")
        token = re.search(r'name="csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf"',
                          body.decode("utf-8", "replace"))
        check(token, "GET /requests: no csrf field")
        lookup = urllib.parse.urlencode({"csrf": token.group(1) or token.group(2),
                                         "code": "ZZZZ-ZZZZ", "contact": "13900000000"}).encode()
        form_type = dict(address, **{"Content-Type": "application/x-www-form-urlencoded"})
        statuses = []
        for _ in range(40):
            status, headers, body = http_request("POST", p.url("/requests"), lookup, form_type, jar)
            statuses.append(status)
            if status == 429:
                break
        check_equal(statuses[-1], 429, "a lookup past the limit (statuses %r)" % statuses)
        check(set(statuses[:-1]) == {404}, "the lookups before the limit: %r", statuses)
        check(19 <= len(statuses) - 1 <= 21, "%d lookups went through before 429, not about 20",
              len(statuses) - 1)
        check((headers.get("Content-Type") or "").startswith("text/html") and b"<html" in body,
              "the 429 is not an HTML page")
        check((headers.get("Retry-After") or "").isdigit(), "the 429 has no Retry-After: %r",
              headers.get("Retry-After"))
        other = dict(form_type, **{"X-Forwarded-For": "192.0.2.98"})
        status = http_request("POST", p.url("/requests"), lookup, other, jar)[0]
        check(status != 429, "another address is limited too")
        check_equal(p.counts(), before, "rows after the rate limit")
        log("# 429 after %d lookups, Retry-After %s; another address answered %d",
            len(statuses) - 1, headers.get("Retry-After"), status)


def tiny_png():
    """A valid 1×1 red PNG, as evidence."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xc0\x10\x20")) + chunk(b"IEND", b""))


def describe_exit(code):
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        if -code == signal.SIGTRAP:
            name += ": a GLib warning or critical, fatal under G_DEBUG=fatal-warnings"
        return "signal %s" % name
    return "exit %s" % code


def oversize_post(port, path, size, headers):
    """A form body of @size bytes, announced first: a server that refuses
    it before reading may answer (and close) before the body is sent."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("POST", path)
        connection.putheader("Content-Length", str(size))
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        try:
            chunk = b"description=" + b"x" * (64 * 1024 - 12)
            sent = 0
            while sent < size:
                piece = chunk[: size - sent]
                connection.send(piece)
                sent += len(piece)
        except OSError:
            pass   # refused mid-body: the answer is already there
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected) as error:
        return 0, None, ("connection closed without an answer: %s" % error).encode()
    finally:
        connection.close()


def main():
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            log("1..0 # SKIP %s is missing (Debian packages chromium and chromium-driver)", program)
            return 77

    shots = os.environ.get("XIANFENG_SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="xf-portal-e2e-")
    processes = wd.Processes()
    results = []
    browser = None

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    portal = Portal(folder, processes)
    try:
        try:
            portal.make_demo()
            portal.start()
            log("# xianfeng-portal on 127.0.0.1:%d", portal.port)
            driver_port = wd.free_port()
            # The browser is not under test: none of the tests' GLib and
            # malloc checks for it.
            browser_env = {k: v for k, v in os.environ.items()
                           if k not in ("G_DEBUG", "G_SLICE", "MALLOC_CHECK_", "MALLOC_PERTURB_")}
            browser_env["HOME"] = os.path.join(folder, "home")
            os.makedirs(browser_env["HOME"], exist_ok=True)
            driver = processes.start([CHROMEDRIVER, "--port=%d" % driver_port],
                                     os.path.join(folder, "chromedriver.log"), env=browser_env)
            check(wd.wait_for_port(driver_port, 30, driver), "chromedriver did not start")
            browser = wd.Session("http://127.0.0.1:%d" % driver_port,
                                 wd.chromium_capabilities(CHROMIUM, os.path.join(folder, "chromium")))
            scenario = Scenario(portal, browser, shots)
            scenario.pick_pioneer()
        except (Failure, wd.WebDriverError, OSError, subprocess.TimeoutExpired, KeyError, ValueError) as error:
            log("not ok 1 - setup: %s", error)
            log("# portal log:\n%s", portal.log_tail())
            driver_log = os.path.join(folder, "chromedriver.log")
            if os.path.exists(driver_log):
                with open(driver_log, encoding="utf-8", errors="replace") as f:
                    log("# chromedriver log:\n%s", "".join(f.readlines()[-20:]))
            return 1

        steps = [("month: Pioneers of the Month as ranked", scenario.test_month),
                 ("card: view, like twice, one counts; share", scenario.test_card),
                 ("booking: empty refused, booked from the card", scenario.test_booking),
                 ("rating: done at the desk, found by code and contact, rated", scenario.test_rating),
                 ("order: 点单 from the menu, claimed at the desk", scenario.test_order),
                 ("objection: empty refused, a named one with a file and an anonymous one in the register",
                  scenario.test_objection),
                 ("http: bad input gets a 4xx page, nothing stored", scenario.test_http),
                 ("language: Chinese by default, the switch remembered", scenario.test_language),
                 ("rate limit: 429 past 20 posts a minute", scenario.test_rate_limit),
                 ("log: no query, form value or cookie in the server's log", scenario.test_log)]
        for number, (name, step) in enumerate(steps, start=1):
            if portal.process.poll() is not None:
                # Say why, then go on with a new one (same database and
                # secret: the browser's cookies stay valid) so that the
                # later steps still test their pieces.
                log("# xianfeng-portal died (%s); its last lines:\n%s",
                    describe_exit(portal.process.returncode), portal.log_tail(6))
                results.append(False)
                portal.log_path = os.path.join(folder, "portal-%d.log" % number)
                try:
                    portal.start()
                except Failure as error:
                    log("not ok %d - %s: could not start xianfeng-portal again: %s", number, name, error)
                    results.append(False)
                    continue
            started = time.monotonic()
            try:
                step()
                results.append(True)
                log("ok %d - %s (%.1f s)", number, name, time.monotonic() - started)
            except (Failure, wd.WebDriverError, subprocess.TimeoutExpired, OSError, KeyError,
                    ValueError, TypeError, json.JSONDecodeError) as error:
                results.append(False)
                log("not ok %d - %s: %s", number, name, error)
                if not isinstance(error, Failure):
                    log("# %s", traceback.format_exc().replace("\n", "\n# "))
                try:
                    log("# at %s", browser.current_url)
                except (wd.WebDriverError, OSError):
                    pass
        log("1..%d", len(steps))
        if portal.process is not None and portal.process.poll() is not None:
            log("# xianfeng-portal died (%s)", describe_exit(portal.process.returncode))
            results.append(False)
        if not all(results):
            log("# portal log (last lines):\n%s", portal.log_tail(40))
        return 0 if all(results) else 1
    finally:
        if browser is not None:
            browser.quit()
        processes.stop_all()
        if not os.environ.get("XIANFENG_E2E_KEEP"):
            portal.drop()
        if os.environ.get("XIANFENG_E2E_KEEP"):
            log("# kept %s", folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
