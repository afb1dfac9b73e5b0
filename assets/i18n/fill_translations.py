#!/usr/bin/env python3
"""Fills assets/i18n/karvan_<lang>.ts from translations.tsv (source + one column per language).

Workflow: `cmake --build BUILD --target update_translations` (lupdate adds new source strings),
add their translations to translations.tsv, run this script. It exits non-zero and lists the
strings that have no translation yet, so an untranslated UI string cannot slip through.
"""
import csv
import pathlib
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
LANGS = ["en", "fa", "ar", "he", "tr", "vi"]


def main() -> int:
    with open(HERE / "translations.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    table = {r["source"]: r for r in rows}
    missing = set()
    for lang in LANGS:
        path = HERE / f"karvan_{lang}.ts"
        tree = ET.parse(path)
        root = tree.getroot()
        root.set("language", lang)
        for message in root.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            text = source if lang == "en" else (table.get(source) or {}).get(lang, "")
            if not text:
                missing.add(source)
                translation.set("type", "unfinished")
                continue
            translation.text = text
            translation.attrib.pop("type", None)
        ET.indent(tree, space="    ")
        with open(path, "wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
    for s in sorted(missing):
        print(f"untranslated: {s}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
