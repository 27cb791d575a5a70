#!/usr/bin/env python3
# gen-reference-employment.py — writes data/reference/employment.json
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Illustrative employment figures for every county and township of
# data/reference/regions.json, split over the GB/T 4754 sections of
# data/reference/industries.json. Deterministic (a hash of each code, no
# randomness), so that the file is the same on every run. The figures are
# plausible for Huzhou (about 2 million employed) but are NOT statistics:
# replace them with the city's statistical yearbook (统计年鉴).

import hashlib
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'reference')

# The city's rough shares by section (manufacturing-heavy, as Huzhou is).
SHARES = {
    'A': 0.080, 'B': 0.003, 'C': 0.380, 'D': 0.008, 'E': 0.080, 'F': 0.120,
    'G': 0.040, 'H': 0.040, 'I': 0.015, 'J': 0.015, 'K': 0.015, 'L': 0.025,
    'M': 0.012, 'N': 0.010, 'O': 0.030, 'P': 0.035, 'Q': 0.025, 'R': 0.008,
    'S': 0.040, 'T': 0.000,
}


def unit(code, salt):
    """A number in [0, 1) drawn from the code: the same on every run."""
    digest = hashlib.sha256(f'{code}:{salt}'.encode()).digest()
    return int.from_bytes(digest[:8], 'big') / 2 ** 64


def split(total, weights):
    """Whole numbers in proportion to weights, summing to total exactly."""
    s = sum(weights.values())
    exact = {k: total * w / s for k, w in weights.items()}
    parts = {k: int(v) for k, v in exact.items()}
    rest = total - sum(parts.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - parts[k]), k))[:rest]:
        parts[k] += 1
    return parts


def main():
    regions = json.load(open(os.path.join(ROOT, 'regions.json'), encoding='utf-8'))
    industries = json.load(open(os.path.join(ROOT, 'industries.json'), encoding='utf-8'))
    sections = [item['code'] for item in industries['items']]
    counties = [r for r in regions['items'] if r['parent'] == '']
    townships = [r for r in regions['items'] if r['parent'] != '']

    figures = {}
    for town in townships:
        code = town['code']
        # Subdistricts (街道) of the centre are denser than rural towns.
        urban = town['name_zh'].endswith('街道')
        employed = int((18000 if urban else 9000) + unit(code, 'size') * (42000 if urban else 30000))
        employed -= employed % 10
        weights = {}
        for s in sections:
            share = SHARES.get(s, 0.0)
            if urban and s in 'FHIJKLMPQ':
                share *= 1.6
            if not urban and s == 'A':
                share *= 1.8
            weights[s] = share * (0.5 + unit(code, s))
        figures[code] = (employed, split(employed, weights))

    items = []
    for county in counties:
        own = [t for t in townships if t['parent'] == county['code']]
        by_industry = {s: sum(figures[t['code']][1][s] for t in own) for s in sections}
        items.append({'code': county['code'], 'employed': sum(by_industry.values()), 'by_industry': by_industry})
        for town in own:
            employed, parts = figures[town['code']]
            items.append({'code': town['code'], 'employed': employed, 'by_industry': parts})

    about = ('ILLUSTRATIVE FIGURES, NOT STATISTICS: employed persons (从业人员) of every county and township '
             'of Huzhou, split over the GB/T 4754-2017 sections, generated deterministically by '
             'build-aux/gen-reference-employment.py for the weak-region finder. Replace them with the '
             "figures of the city's statistical yearbook (湖州统计年鉴). A county's figures are the sums "
             'of its townships.')
    out = os.path.join(ROOT, 'employment.json')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('{\n')
        f.write(f'  "about": {json.dumps(about, ensure_ascii=False)},\n')
        f.write('  "illustrative": true,\n')
        f.write(f'  "sections": {json.dumps(sections)},\n')
        f.write('  "items": [\n')
        lines = []
        for item in items:
            parts = ', '.join(f'"{s}": {item["by_industry"][s]}' for s in sections)
            lines.append(f'    {{"code": "{item["code"]}", "employed": {item["employed"]}, '
                         f'"by_industry": {{{parts}}}}}')
        f.write(',\n'.join(lines))
        f.write('\n  ]\n}\n')


if __name__ == '__main__':
    main()
