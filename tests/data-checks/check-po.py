#!/usr/bin/python3
# check-po.py — is every translatable string translated?
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-po.py SRCDIR LANG
#
# Fails when po/LANG.po does not pass `msgfmt --check`, has fuzzy or
# untranslated entries, or lacks a string that xgettext extracts today from
# the files in po/POTFILES.in (so a .po that was never updated after new
# strings were added fails too). Prints each missing or untranslated msgid.

import os
import subprocess
import sys
import tempfile

# The same keywords as i18n.gettext (preset: 'glib'), plus GNU's defaults.
XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
]


def unquote(text):
    """Decodes one C-style quoted PO string."""
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), body
    body = body[1:-1]
    out = []
    i = 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "a": "\a",
               "b": "\b", "f": "\f", "v": "\v"}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(path):
    """Returns {(msgctxt, msgid): entry} for the live (non-obsolete) entries.

    An entry is a dict with 'fuzzy' (bool), 'msgstr' (list of str) and
    'plural' (bool). The header (empty msgid) is left out."""
    entries = {}
    entry = None
    field = None

    def finish():
        if entry is not None and "msgid" in entry and entry["msgid"] != "":
            key = (entry.get("msgctxt"), entry["msgid"])
            entries[key] = entry

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#~") or not line.strip():
                if not line.strip():
                    finish()
                    entry, field = None, None
                continue
            if entry is None:
                entry = {"fuzzy": False, "msgstr": [], "plural": False}
            if line.startswith("#,"):
                if any(flag.strip() == "fuzzy" for flag in line[2:].split(",")):
                    entry["fuzzy"] = True
                continue
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                value = unquote(line)
                if field == "msgstr":
                    entry["msgstr"][-1] += value
                elif field is not None:
                    entry[field] += value
                continue
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid", "msgid_plural"):
                if keyword == "msgctxt" and "msgid" in entry:
                    # No blank line between entries: start a new one.
                    finish()
                    entry = {"fuzzy": False, "msgstr": [], "plural": False}
                field = keyword
                entry[keyword] = unquote(rest)
                if keyword == "msgid_plural":
                    entry["plural"] = True
            elif keyword == "msgstr" or keyword.startswith("msgstr["):
                field = "msgstr"
                entry["msgstr"].append(unquote(rest))
    finish()
    return entries


def describe(key):
    ctxt, msgid = key
    shown = msgid.replace("\n", "\\n")
    return f'"{shown}"' + (f" (context “{ctxt}”)" if ctxt else "")


def main(argv):
    if len(argv) != 3:
        print("Usage: check-po.py SRCDIR LANG", file=sys.stderr)
        return 2
    srcdir, lang = argv[1], argv[2]
    po_path = os.path.join(srcdir, "po", lang + ".po")
    potfiles = os.path.join(srcdir, "po", "POTFILES.in")
    problems = 0

    check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po_path],
                           capture_output=True, text=True)
    print(f"msgfmt: {check.stderr.strip()}")
    if check.returncode != 0:
        print(f"FAIL: msgfmt --check rejects {po_path}")
        problems += 1

    with tempfile.TemporaryDirectory() as tmp:
        pot_path = os.path.join(tmp, "fresh.pot")
        xgettext = subprocess.run(["xgettext", "--files-from=" + potfiles,
                                   "--directory=" + srcdir, "--output=" + pot_path,
                                   "--force-po"] + XGETTEXT_ARGS,
                                  capture_output=True, text=True)
        if xgettext.stderr.strip():
            print(xgettext.stderr.strip())
        if xgettext.returncode != 0:
            print("FAIL: xgettext could not extract the strings from po/POTFILES.in")
            return 1
        wanted = parse_po(pot_path)

    have = parse_po(po_path)

    missing = [key for key in wanted if key not in have]
    untranslated = [key for key, e in have.items()
                    if key in wanted and not e["fuzzy"] and not all(e["msgstr"])]
    fuzzy = [key for key, e in have.items() if key in wanted and e["fuzzy"]]
    unused = [key for key in have if key not in wanted]

    print(f"{len(wanted)} strings in the sources; {lang}.po: {len(missing)} missing, "
          f"{len(untranslated)} untranslated, {len(fuzzy)} fuzzy, {len(unused)} no longer used")
    for title, keys in (("Missing from", missing), ("Untranslated in", untranslated),
                        ("Fuzzy in", fuzzy)):
        if keys:
            problems += 1
            print(f"\n{title} {lang}.po ({len(keys)}):")
            for key in keys:
                print("  " + describe(key))
    if unused:
        # Not a failure: msgmerge marks them obsolete on the next update.
        print(f"\nNo longer in the sources (harmless, {len(unused)}):")
        for key in unused:
            print("  " + describe(key))

    if problems:
        print(f"\nFAIL: {lang}.po is not complete; update it with "
              f"`ninja -C _build xianfeng-update-po` and translate the entries above.")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
