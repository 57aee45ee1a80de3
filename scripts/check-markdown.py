#!/usr/bin/env python3
"""Renders a Markdown lägesbild with markdown-it-py (CommonMark, raw HTML allowed, as GitHub-like
renderers do) and checks that text from reports stayed text: no HTML element other than Markdown's own,
no heading but the document's and its sections, and no injected list item or link.

Usage: check-markdown.py FILE [--expect-fail]   (exit 1 when a check fails; with --expect-fail, exit 1
when every check passes: the deliberately raw control must be caught)."""
import re
import sys

from markdown_it import MarkdownIt

ALLOWED_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "code"}


def problems(text):
    found = []
    if "\r" in text:
        found.append("a bare CR in the file")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    for token in tokens:
        if token.type in ("html_block", "html_inline"):
            found.append(f"raw HTML: {token.content.strip()[:60]!r}")
        for child in token.children or []:
            if child.type == "html_inline":
                found.append(f"raw HTML: {child.content.strip()[:60]!r}")
            if child.type == "link_open":
                found.append(f"a link: {child.attrGet('href')!r}")
    html = MarkdownIt("commonmark").enable("table").render(text)
    for tag in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html):
        if tag.lower() not in ALLOWED_TAGS:
            found.append(f"an element <{tag}> in the rendering")
    h1 = re.findall(r"<h1>(.*?)</h1>", html)
    if len(h1) != 1:
        found.append(f"{len(h1)} top-level headings: {h1}")
    for heading in re.findall(r"<h[1-6]>(.*?)</h[1-6]>", html):
        if "Rubrik" in heading:
            found.append(f"an injected heading: {heading!r}")
    for item in re.findall(r"<li>(.*?)</li>", html, flags=re.S):
        if item.startswith("falsk punkt"):
            found.append(f"an injected list item: {item!r}")
    return found


def main():
    path = sys.argv[1]
    expect_fail = "--expect-fail" in sys.argv[2:]
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    found = problems(text)
    if expect_fail:
        if found:
            print(f"ok    {path}: the raw control is caught ({found[0]})")
            return 0
        print(f"FAIL  {path}: the raw control passed every check; the check cannot fail")
        return 1
    for problem in found:
        print(f"FAIL  {path}: {problem}")
    if not found:
        print(f"ok    {path}: rendered by markdown-it-py, no raw HTML, no injected heading, list item or link, no bare CR")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
