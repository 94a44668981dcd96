#!/usr/bin/env python3
"""Edits the strings files (Forum.Host/Localisation/Strings/*.json) and keeps them sorted, one key a line.

    scripts/strings.py set uk key=value ...      set keys in one language
    scripts/strings.py drop key ...              remove keys from every language
    scripts/strings.py sort                      rewrite every file sorted
"""
import json, sys, os, glob
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Forum.Host', 'Localisation', 'Strings')

def path(lang): return os.path.join(here, f'{lang}.json')
def read(lang): return json.load(open(path(lang), encoding='utf-8'))
def write(lang, d):
    with open(path(lang), 'w', encoding='utf-8') as f:
        f.write(json.dumps(dict(sorted(d.items(), key=lambda kv: kv[0])), ensure_ascii=False, indent=2) + '\n')
def langs(): return sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(here, '*.json')))

cmd = sys.argv[1]
if cmd == 'set':
    lang = sys.argv[2]; d = read(lang) if os.path.exists(path(lang)) else {}
    for kv in sys.argv[3:]:
        k, v = kv.split('=', 1); d[k] = v
    write(lang, d)
elif cmd == 'drop':
    for lang in langs():
        d = read(lang)
        for k in sys.argv[2:]: d.pop(k, None)
        write(lang, d)
elif cmd == 'sort':
    for lang in langs(): write(lang, read(lang))
