#!/usr/bin/python3
# check-l10n.py — did the translations reach the built desktop file and metainfo?
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-l10n.py DESKTOP METAINFO
#
# The product's Chinese name is fixed by the glossary: 群团先锋模范. It
# comes from po/zh_CN.po through i18n.merge_file, so this fails when the
# translation is missing or merge_file did not merge.

import configparser
import sys
import xml.etree.ElementTree as ET

NAME_ZH = "群团先锋模范"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def main(argv):
    if len(argv) != 3:
        print("Usage: check-l10n.py DESKTOP METAINFO", file=sys.stderr)
        return 2
    desktop_path, metainfo_path = argv[1], argv[2]
    problems = []

    desktop = configparser.RawConfigParser(strict=False, interpolation=None)
    desktop.optionxform = str
    desktop.read(desktop_path, encoding="utf-8")
    entry = desktop["Desktop Entry"] if desktop.has_section("Desktop Entry") else {}
    name = entry.get("Name[zh_CN]")
    if name != NAME_ZH:
        problems.append(f"{desktop_path}: Name[zh_CN] is {name!r}, expected {NAME_ZH!r}")
    for key in ("Comment", "Keywords"):
        if key in entry and f"{key}[zh_CN]" not in entry:
            problems.append(f"{desktop_path}: {key} has no zh_CN translation")
    keywords = entry.get("Keywords[zh_CN]")
    if keywords is not None and not keywords.endswith(";"):
        problems.append(f"{desktop_path}: Keywords[zh_CN] must end with ';'")

    root = ET.parse(metainfo_path).getroot()
    names = {el.get(XML_LANG): el.text for el in root.findall("name")}
    if names.get("zh_CN") != NAME_ZH:
        problems.append(f"{metainfo_path}: <name xml:lang=\"zh_CN\"> is "
                        f"{names.get('zh_CN')!r}, expected {NAME_ZH!r}")
    if not any(el.get(XML_LANG) == "zh_CN" for el in root.findall("summary")):
        problems.append(f"{metainfo_path}: the summary has no zh_CN translation")

    for problem in problems:
        print("FAIL: " + problem)
    if not problems:
        print(f"OK: {NAME_ZH} in the desktop file and the metainfo")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
