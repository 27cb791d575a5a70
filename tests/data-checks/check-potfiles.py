#!/usr/bin/python3
# check-potfiles.py — does po/POTFILES.in list every file with strings to translate?
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-potfiles.py SRCDIR
#
# Like libadwaita's check-potfiles.sh: a file with translatable text that is
# not in POTFILES.in never reaches the translators, and a listed file that
# no longer exists breaks `xianfeng-pot`. Looks under src/ and data/ for
#   .c/.h       _("…"), N_("…"), C_("…", "…"), NC_(…), g_dngettext (…)
#   .ui         translatable="yes"
#   .gschema.xml <summary> or <description>
#   .desktop.in(.in), .metainfo.xml.in(.in)   always

import os
import re
import sys

C_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|NC_|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
C_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
SCHEMA_TEXT = re.compile(r'<(?:summary|description)>')
ALWAYS = (".desktop.in", ".desktop.in.in", ".metainfo.xml.in", ".metainfo.xml.in.in")


def strip_c_comments(text):
    # Blank the strings first so a "/*" inside a string is not a comment,
    # then drop comments, so a _("…") quoted in a comment does not count.
    def keep_length(match):
        return '"' + " " * (len(match.group(0)) - 2) + '"'
    return C_COMMENT.sub(" ", C_STRING.sub(keep_length, text))


def has_translatable_text(path):
    name = os.path.basename(path)
    if name.endswith(ALWAYS):
        return True
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError):
        return False
    if name.endswith((".c", ".h")):
        return C_CALL.search(strip_c_comments(text)) is not None
    if name.endswith(".ui"):
        return UI_TRANSLATABLE.search(text) is not None
    if name.endswith(".gschema.xml"):
        return SCHEMA_TEXT.search(text) is not None
    return False


def main(argv):
    if len(argv) != 2:
        print("Usage: check-potfiles.py SRCDIR", file=sys.stderr)
        return 2
    srcdir = os.path.abspath(argv[1])

    listed = []
    with open(os.path.join(srcdir, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)

    found = []
    for top in ("src", "data"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                if has_translatable_text(path):
                    found.append(os.path.relpath(path, srcdir))

    not_listed = [path for path in found if path not in listed]
    gone = [path for path in listed if not os.path.isfile(os.path.join(srcdir, path))]
    duplicated = sorted({path for path in listed if listed.count(path) > 1})

    status = 0
    if not_listed:
        status = 1
        print("These files have translatable text but are not in po/POTFILES.in:")
        for path in not_listed:
            print("  " + path)
    if gone:
        status = 1
        print("These files are in po/POTFILES.in but do not exist:")
        for path in gone:
            print("  " + path)
    if duplicated:
        status = 1
        print("These files are listed more than once in po/POTFILES.in:")
        for path in duplicated:
            print("  " + path)
    if status == 0:
        print(f"OK: {len(listed)} files listed, {len(found)} files with translatable text, all listed")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
