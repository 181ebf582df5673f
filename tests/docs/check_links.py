#!/usr/bin/env python3
"""check_links.py ROOT - every relative link in the Markdown documentation
(README.md, docs/*.md, tests/README.md, examples/**/README.md) points at a
file of the repository and, when it names an anchor, at a heading of that
file (GitHub's anchor rule: lower case, punctuation dropped, spaces to
hyphens, -1, -2 ... for repeats). Links to other sites are not followed."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
LINK = re.compile(r'(?<!\!)\[[^\]]*\]\(([^)\s]+)\)')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')


def anchors(path):
    found, seen, fence = set(), {}, False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.lstrip().startswith('```'):
                fence = not fence
                continue
            m = None if fence else HEADING.match(line)
            if not m:
                continue
            text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', m.group(2))  # link text only
            slug = ''.join(c for c in text.lower() if c.isalnum() or c in ' -_').replace(' ', '-')
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            found.add(slug if n == 0 else '%s-%d' % (slug, n))
    return found


def markdown_files():
    for rel in ('README.md', 'tests/README.md'):
        if os.path.isfile(os.path.join(root, rel)):
            yield rel
    for top in ('docs', 'examples'):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith('.md'):
                    yield os.path.relpath(os.path.join(dirpath, name), root)


errors, cache = [], {}
for rel in markdown_files():
    path = os.path.join(root, rel)
    fence = False
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            if line.lstrip().startswith('```'):
                fence = not fence
            if fence:
                continue
            for target in LINK.findall(re.sub(r'`[^`]*`', '', line)):
                if re.match(r'^[a-z]+:', target):
                    continue  # http:, https:, mailto:
                file_part, _, anchor = target.partition('#')
                dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
                if not os.path.exists(dest):
                    errors.append('%s:%d: %s: no such file' % (rel, lineno, target))
                    continue
                if anchor and dest.endswith('.md'):
                    if dest not in cache:
                        cache[dest] = anchors(dest)
                    if anchor not in cache[dest]:
                        errors.append('%s:%d: %s: no heading with that anchor' % (rel, lineno, target))
for e in errors:
    print(e)
print('%d broken link(s)' % len(errors))
sys.exit(1 if errors else 0)
