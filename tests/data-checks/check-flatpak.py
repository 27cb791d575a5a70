#!/usr/bin/python3
# check-flatpak.py — does the Flatpak manifest build what meson.build needs?
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-flatpak.py SRCDIR
#
# flatpak-builder cannot run here (no network for the runtime), so this
# checks the manifest by reading it: every library our meson.build files
# look up that the GNOME runtime does not ship must be built as a module
# from a pinned source (url + sha256, or a git commit), and the app module
# itself must be a meson build of this tree. finish-args must open the
# sandbox holes the linked libraries need (network for libpq, the Secret
# Service for libsecret) and no others of those.

import json
import os
import re
import sys

APP_ID = "io.github.xianfeng.Xianfeng"
MANIFEST = os.path.join("flatpak", APP_ID + ".json")
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"

# pkg-config names the GNOME 43 runtime provides (org.gnome.Platform sits on
# the freedesktop 22.08 runtime). Extend it only with what the runtime has.
RUNTIME_PROVIDES = {
    "glib-2.0", "gio-2.0", "gio-unix-2.0", "gobject-2.0", "gmodule-2.0",
    "gtk4", "libadwaita-1", "json-glib-1.0", "sqlite3", "libxml-2.0",
    "cairo", "pango", "pangocairo", "gdk-pixbuf-2.0", "graphene-1.0",
    "libsoup-3.0", "libsecret-1", "gsettings-desktop-schemas", "zlib",
    "libpng", "fontconfig", "freetype2", "harfbuzz", "icu-uc", "icu-i18n",
}
# Libraries that need a hole in the sandbox: (pkg-config name, finish-arg, why).
NEEDS_HOLE = [
    ("libpq", "--share=network", "the shared PostgreSQL database"),
    ("libsecret-1", "--talk-name=org.freedesktop.secrets", "the database password"),
]
MESON_BUILTINS = {"buildtype", "optimization", "debug", "werror", "warning_level",
                  "prefix", "libdir", "default_library", "strip"}
# Libraries that are part of the C library (cc.find_library).
LIBC = {"m", "dl", "pthread", "rt", "c"}
# A module may be named differently from the pkg-config name.
MODULE_NAMES = {
    "libqrencode": ["libqrencode", "qrencode"],
    "libpq": ["libpq", "postgresql"],
    "libsodium": ["libsodium"],
    "xlsxwriter": ["libxlsxwriter"],
    "libcsv": ["libcsv"],
    "csv": ["libcsv"],
}

DEPENDENCY = re.compile(r"""(?<![A-Za-z0-9_.])dependency\s*\(\s*['"]([^'"]+)['"]""")
FIND_LIBRARY = re.compile(r"""find_library\s*\(\s*['"]([^'"]+)['"]""")
COMMENT = re.compile(r"#[^\n]*")


def meson_dependencies(srcdir):
    """Returns {name: [meson.build paths]} for the app and for the tests."""
    app, tests = {}, {}
    for dirpath, dirnames, filenames in os.walk(srcdir):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith((".", "_build")) and d != "subprojects")
        if "meson.build" not in filenames:
            continue
        path = os.path.join(dirpath, "meson.build")
        rel = os.path.relpath(path, srcdir)
        with open(path, encoding="utf-8") as f:
            text = COMMENT.sub("", f.read())
        names = DEPENDENCY.findall(text) + [n for n in FIND_LIBRARY.findall(text)
                                            if n not in LIBC]
        target = tests if rel.split(os.sep)[0] == "tests" else app
        for name in names:
            target.setdefault(name, []).append(rel)
    return app, tests


def pinned(source):
    """Tells whether a module source cannot change under us."""
    kind = source.get("type")
    if kind in ("archive", "file"):
        return bool(source.get("url")) and re.fullmatch(r"[0-9a-f]{64}",
                                                        source.get("sha256", "")) is not None
    if kind == "git":
        return bool(source.get("url")) and re.fullmatch(r"[0-9a-f]{40}",
                                                        source.get("commit", "")) is not None
    # Patches live in the repository, shell commands in the manifest itself.
    return kind in ("patch", "shell")


def main(argv):
    if len(argv) != 2:
        print("Usage: check-flatpak.py SRCDIR", file=sys.stderr)
        return 2
    srcdir = os.path.abspath(argv[1])
    problems = []

    with open(os.path.join(srcdir, MANIFEST), encoding="utf-8") as f:
        manifest = json.load(f)

    expect = {"id": APP_ID, "runtime": RUNTIME, "sdk": SDK, "command": "xianfeng"}
    for key, value in expect.items():
        if manifest.get(key) != value:
            problems.append(f"“{key}” is {manifest.get(key)!r}, expected {value!r}")
    if str(manifest.get("runtime-version")) != "43":
        problems.append("“runtime-version” must be 43: GTK 4.8 and libadwaita 1.2, "
                        "the versions the code is pinned to")
    modules = manifest.get("modules", [])
    by_name = {m.get("name"): m for m in modules if isinstance(m, dict)}
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get("name") != "xianfeng":
        problems.append("the last module must be “xianfeng” itself")
    else:
        app = modules[-1]
        if app.get("buildsystem") != "meson":
            problems.append("module xianfeng: buildsystem must be meson")
        if not any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])):
            problems.append("module xianfeng: needs the source {type: dir, path: ..}")

    app_deps, test_deps = meson_dependencies(srcdir)

    # Sandbox holes follow from what the app links: libpq reaches a shared
    # PostgreSQL server over the network, libsecret keeps its password in
    # the Secret Service. Without a library, its hole must stay closed.
    finish_args = manifest.get("finish-args", [])
    for lib, arg, why in NEEDS_HOLE:
        if lib in app_deps and arg not in finish_args:
            problems.append(f"finish-args: {lib} needs {arg} ({why})")
        elif lib not in app_deps and arg in finish_args:
            problems.append(f"finish-args: {arg} is only needed with {lib}, which no meson.build uses")
        elif arg in finish_args:
            print(f"ok: {arg} for {lib}")

    for name, where in sorted(app_deps.items()):
        if name in RUNTIME_PROVIDES:
            continue
        candidates = MODULE_NAMES.get(name, [name, "lib" + name])
        module = next((by_name[c] for c in candidates if c in by_name), None)
        if module is None:
            problems.append(f"{name} (from {', '.join(sorted(set(where)))}) is not in the "
                            f"runtime and no module builds it (looked for {', '.join(candidates)})")
            continue
        sources = module.get("sources", [])
        if not sources or not all(pinned(s) for s in sources if isinstance(s, dict)):
            problems.append(f"module {module.get('name')}: every source needs a url and a "
                            f"sha256 (or a git commit)")
        else:
            print(f"ok: {name} is built by module {module.get('name')}")

    # Test-only libraries need not be in the Flatpak, as long as it does
    # not build the tests.
    extra_test_deps = sorted(n for n in test_deps if n not in RUNTIME_PROVIDES and n not in app_deps)
    if extra_test_deps:
        opts = modules[-1].get("config-opts", []) if modules and isinstance(modules[-1], dict) else []
        if "-Dtests=false" not in opts:
            problems.append(f"the tests need {', '.join(extra_test_deps)}: build xianfeng with "
                            f"config-opts -Dtests=false or add modules for them")
        else:
            print(f"ok: test-only {', '.join(extra_test_deps)} not needed (-Dtests=false)")

    options = os.path.join(srcdir, "meson_options.txt")
    app_opts = modules[-1].get("config-opts", []) if modules and isinstance(modules[-1], dict) else []
    with open(options, encoding="utf-8") as f:
        declared = set(re.findall(r"""option\s*\(\s*['"]([^'"]+)['"]""", f.read()))
    for opt in app_opts:
        match = re.match(r"-D([A-Za-z0-9_]+)=", opt)
        if match and match.group(1) not in declared | MESON_BUILTINS \
                and not match.group(1).startswith("b_"):
            problems.append(f"module xianfeng: config-opts {opt} names no option in meson_options.txt")

    for problem in problems:
        print("FAIL: " + problem)
    if not problems:
        print(f"OK: {MANIFEST}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
