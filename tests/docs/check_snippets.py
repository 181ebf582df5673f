#!/usr/bin/env python3
"""check_snippets.py ROOT [--cxx COMPILER] [--std N] [--jobs J] [--show FILE:LINE]

Every C++ code block of the user documentation (README.md, docs/*.md: fences
tagged cpp or c++) compiles with -std=c++N -Wall -Wextra -Werror -I include.

How a block is compiled:

* A block with its own `int main` is a complete program: compiled exactly as
  written, linked and run (it must exit with 0).
* Any other block is an example in context. Its preprocessor lines come first,
  then <heapless.hpp> (unless the block includes a heapless header itself: that
  header must then be enough), the standard headers named by the `std::` names
  it uses, and snippet_names.hpp (the names the examples leave to the reader: the
  application's types, devices and functions). Its declarations (types,
  functions, `using`, and the variables declared before its first statement)
  are placed in a namespace of their own, so they take precedence over
  snippet_names.hpp; its statements (and the variables declared among them)
  become the body of a function in that namespace. Values an example computes
  for the reader are often left unused, so -Wunused-variable and
  -Wunused-but-set-variable are off for these. Such blocks without
  preprocessor lines of their own are compiled in batches, one translation
  unit per job (the headers parsed once); a batch that fails is compiled again
  block by block to name the failing ones.
* A block that defines something of namespace heapless (a `formatter`
  specialisation, `heapless::error_handler`) is compiled whole at global scope
  after the same headers.

Markers, an HTML comment on the line right above the fence (rare, always with
the reason for a skip):

    <!-- snippet: skip (why this block cannot compile) -->
    <!-- snippet: fragment -->   split and wrap as above, even with a main
    <!-- snippet: tu -->         compile whole at global scope after the headers

Failures print FILE:LINE of the block (compiler messages point into the
Markdown file through #line) and the compiler's output; the exit status is 1
when any block fails. --show FILE:LINE prints the translation unit made from
the block that starts there.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r'^(\s*)(`{3,}|~{3,})\s*([^\s`]*)')
MARKER = re.compile(r'^\s*<!--\s*snippet:\s*(\w+)\s*(?:\((.*)\))?\s*-->\s*$')
CPP_TAGS = ('cpp', 'c++')

# std:: names -> the header that declares them (names not listed: <heapless.hpp>
# already brings what they need, or the compiler says so).
STD_HEADERS = {
    'sort': 'algorithm', 'stable_sort': 'algorithm', 'find': 'algorithm', 'find_if': 'algorithm',
    'copy': 'algorithm', 'fill': 'algorithm', 'min': 'algorithm', 'max': 'algorithm',
    'lower_bound': 'algorithm', 'upper_bound': 'algorithm', 'reverse': 'algorithm',
    'accumulate': 'numeric', 'iota': 'numeric',
    'puts': 'cstdio', 'printf': 'cstdio', 'snprintf': 'cstdio', 'fputs': 'cstdio',
    'string_view': 'string_view', 'string': 'string', 'to_string': 'string',
    'optional': 'optional', 'nullopt': 'optional',
    'byte': 'cstddef', 'size_t': 'cstddef', 'ptrdiff_t': 'cstddef',
    'uint8_t': 'cstdint', 'uint16_t': 'cstdint', 'uint32_t': 'cstdint', 'uint64_t': 'cstdint',
    'int8_t': 'cstdint', 'int16_t': 'cstdint', 'int32_t': 'cstdint', 'int64_t': 'cstdint',
    'move': 'utility', 'forward': 'utility', 'pair': 'utility', 'swap': 'utility',
    'less': 'functional', 'greater': 'functional', 'function': 'functional',
    'array': 'array', 'vector': 'vector', 'map': 'map', 'tuple': 'tuple',
    'memcpy': 'cstring', 'strlen': 'cstring', 'abs': 'cstdlib', 'exit': 'cstdlib',
    'cout': 'iostream', 'cerr': 'iostream', 'ostream': 'ostream',
    'numeric_limits': 'limits', 'mutex': 'mutex', 'thread': 'thread', 'atomic': 'atomic',
}

STMT_KEYWORDS = {'if', 'for', 'while', 'do', 'switch', 'return', 'break', 'continue',
                 'goto', 'try', 'case', 'default', 'delete', 'throw', 'co_return'}
DECL_KEYWORDS = {'template', 'struct', 'class', 'union', 'enum', 'namespace', 'using',
                 'typedef', 'static_assert', 'extern'}
DECL_SPECIFIERS = {'static', 'const', 'constexpr', 'inline', 'volatile', 'thread_local',
                   'unsigned', 'signed', 'constinit', 'mutable', 'register'}


class Block:
    def __init__(self, rel, line, text, first_line, marker, reason):
        self.rel, self.line, self.text, self.first_line = rel, line, text, first_line
        self.marker, self.reason = marker, reason

    @property
    def where(self):
        return '%s:%d' % (self.rel, self.line)


def markdown_files(root):
    if os.path.isfile(os.path.join(root, 'README.md')):
        yield 'README.md'
    docs = os.path.join(root, 'docs')
    if os.path.isdir(docs):
        for name in sorted(os.listdir(docs)):
            if name.endswith('.md'):
                yield 'docs/' + name


def extract(root, rel, errors):
    with open(os.path.join(root, rel), encoding='utf-8') as f:
        lines = f.read().split('\n')
    blocks, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, tag, start = m.group(2), m.group(3).lower(), i
        j = i + 1
        while j < len(lines) and not (lines[j].strip().startswith(fence) and
                                      lines[j].strip().strip(fence[0]) == ''):
            j += 1
        if tag in CPP_TAGS:
            marker = reason = None
            k = start - 1
            while k >= 0 and lines[k].strip().startswith('<!--') and 'snippet:' in lines[k]:
                mm = MARKER.match(lines[k])
                if not mm or mm.group(1) not in ('skip', 'fragment', 'tu'):
                    errors.append('%s:%d: unknown snippet marker: %s' % (rel, k + 1, lines[k].strip()))
                elif marker:
                    errors.append('%s:%d: one snippet marker per block' % (rel, k + 1))
                else:
                    marker, reason = mm.group(1), mm.group(2)
                    if marker == 'skip' and not (reason or '').strip():
                        errors.append('%s:%d: snippet: skip needs a reason: (why)' % (rel, k + 1))
                k -= 1
            blocks.append(Block(rel, start + 1, '\n'.join(lines[start + 1:j]), start + 2,
                                marker, reason))
        i = j + 1
    return blocks


def blank_literals(text):
    """The text with comments, string and character literals replaced by
    spaces (same length, same line breaks), for the structural scan."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c == '"' or (c == "'" and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == '_'))):
            # (a ' after a digit or letter is a digit separator: 0x1234'0001)
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            out.append(c + ' ' * (j - i - 2) + c if j - i >= 2 else c)
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def split_items(text):
    """Top-level items of a block: (start, end) offsets of each preprocessor
    line, declaration, definition or statement."""
    scan = blank_literals(text)
    items, depth, start, i, n = [], 0, None, 0, len(scan)
    while i < n:
        c = scan[i]
        if start is None:
            if c.isspace():
                i += 1
                continue
            start = i
            if c == '#':  # a preprocessor line (with its continuations)
                j = i
                while True:
                    j = scan.find('\n', j)
                    if j < 0 or scan[j - 1] != '\\':
                        break
                    j += 1
                j = n if j < 0 else j
                items.append((start, j))
                start, i = None, j
                continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if c == '}' and depth == 0:
                rest = scan[i + 1:]
                nxt = rest.lstrip()
                if nxt.startswith(';'):
                    i += 1 + len(rest) - len(nxt)
                    items.append((start, i + 1))
                    start = None
                elif not re.match(r'(else|while|catch)\b|[,)\].=]|->', nxt):
                    items.append((start, i + 1))
                    start = None
        elif c == ';' and depth == 0:
            items.append((start, i + 1))
            start = None
        i += 1
    if start is not None and scan[start:].strip():
        items.append((start, n))
    return items, scan


def head_words(head):
    """Words of a declaration's head (before = ( or {), template arguments and
    brackets folded into their word, specifiers dropped."""
    prev = None
    while prev != head:
        prev = head
        head = re.sub(r'<[^<>]*>', '', head)
    head = re.sub(r'\[[^\[\]]*\]', '[]', head)
    words = [w for w in re.split(r'[\s*&]+', head) if w]
    return [w for w in words if w not in DECL_SPECIFIERS]


def classify(scan_item):
    """'pp', 'type' (types, templates, using...), 'function' (a definition or
    declaration), 'variable' or 'statement'."""
    s = scan_item.strip()
    if s.startswith('#'):
        return 'pp'
    first = re.match(r'[A-Za-z_]\w*', s)
    word = first.group(0) if first else ''
    if word in STMT_KEYWORDS or not first:
        return 'statement'  # also ( { * ++ ...
    if word in DECL_KEYWORDS:
        return 'type'
    # the head: up to the first = ( { at depth 0 (template arguments aside)
    m = re.match(r'[^=({;]*', s)
    head = m.group(0)
    after = s[len(head):len(head) + 1]
    words = head_words(head)
    if len(words) < 2 or not all(re.match(r'^(::)?[A-Za-z_][\w:]*$', w) or w == '[]' for w in words):
        return 'statement'  # f(x);  s += x;  a < b;
    if after == '(' and s.endswith('}'):
        return 'function'
    if after == '(' and re.search(r'\)\s*(const|noexcept|override|final|->[^;]*)?\s*;$', s) \
            and all(is_parameter(p) for p in parameters(s[len(head):])):
        return 'function'  # T name(params);  not  T name(args);
    return 'variable'


def parameters(text):
    """The comma-separated parts of the parenthesised list text starts with."""
    parts, depth, cur = [], 0, ''
    for c in text:
        if c in '([{':
            depth += 1
            if depth == 1:
                continue
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                break
        if c == ',' and depth == 1:
            parts.append(cur)
            cur = ''
        else:
            cur += c
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def is_parameter(text):
    """A parameter declaration (type and name), not an argument."""
    text = text.split('=')[0]
    if text.strip() in ('void', '...'):
        return True
    if re.search(r'[({"\']|^\s*\d', text):
        return False
    words = head_words(text)
    if len(words) == 1 and re.match(r'^(int|char|bool|float|double|long|short|unsigned|signed|std::\w+)$',
                                    words[0]):
        return True  # an unnamed parameter: void f(int);
    return len(words) >= 2 and all(re.match(r'^(::)?[A-Za-z_][\w:]*$', w) or w == '[]' for w in words)


def std_includes(scan):
    headers = set()
    for name in re.findall(r'\bstd::(\w+)', scan):
        if name in STD_HEADERS:
            headers.add(STD_HEADERS[name])
    return sorted(headers)


def line_of(text, offset, first_line):
    return first_line + text.count('\n', 0, offset)


class Unit:
    """What one block becomes: its mode, the headers before it, its code."""
    def __init__(self, block):
        self.block = block
        text = block.text
        items, scan = split_items(text)
        has_main = re.search(r'\bint\s+main\s*\(', scan) is not None
        global_def = re.search(r'(^|\n)\s*(template\s*<\s*>\s*(struct|class)\s+heapless::|'
                               r'(?:[\w:<>*&]+\s+)+heapless::\w+\s*\([^;]*\)\s*\{)', scan)
        self.mode = block.marker or ('program' if has_main else 'tu' if global_def else 'fragment')

        def chunk(a, b):
            return '#line %d "%s"\n%s\n' % (line_of(text, a, block.first_line), block.rel, text[a:b])

        # A block that includes a heapless header is checked with that alone.
        own = re.search(r'^\s*#\s*include\s*[<"]heapless', text, re.M)
        self.headers = ([] if own else ['heapless.hpp']) + std_includes(scan)
        self.pp, self.code = '', ''
        if self.mode == 'program':
            self.headers, self.code = [], chunk(0, len(text))
        elif self.mode == 'tu':
            self.code = chunk(0, len(text))
        else:
            decls, body, seen_statement = [], [], False
            for a, b in items:
                kind = classify(scan[a:b])
                if kind == 'pp':
                    self.pp += chunk(a, b)
                elif kind in ('type', 'function') or (kind == 'variable' and not seen_statement):
                    decls.append(chunk(a, b))
                else:
                    seen_statement = True
                    body.append(chunk(a, b))
            name = re.sub(r'\W', '_', '%s_%d' % (block.rel, block.line))
            self.code = ('#line 1 "<snippet wrapper>"\nnamespace snippet_%s {\n' % name + ''.join(decls) +
                         '#line 1 "<snippet wrapper>"\n[[maybe_unused]] void snippet_body() {\n' +
                         ''.join(body) + '#line 2 "<snippet wrapper>"\n}\n}  // namespace\n')
        # Fragments without preprocessor lines of their own share a translation
        # unit (each in its namespace): the headers are parsed once per batch.
        self.batchable = self.mode == 'fragment' and not self.pp


def source(units):
    """One translation unit for units (one, or a batch of fragments)."""
    headers = []
    for u in units:
        headers += [h for h in u.headers if h not in headers]
    if units[0].mode == 'program':
        return units[0].code
    src = ''.join(u.pp for u in units) + '#line 1 "<snippet prelude>"\n'
    src += ''.join('#include <%s>\n' % h for h in headers) + '#include "snippet_names.hpp"\n'
    return src + ''.join(u.code for u in units)


def compile_units(units, args, tmp, root):
    """The failures of these units (an empty list: they compile)."""
    name = re.sub(r'\W', '_', units[0].block.where) + ('_batch' if len(units) > 1 else '')
    base = os.path.join(tmp, name)
    with open(base + '.cpp', 'w', encoding='utf-8') as f:
        f.write(source(units))
    flags = ['-std=c++%s' % args.std, '-Wall', '-Wextra', '-Werror',
             '-I', os.path.join(root, 'include'), '-I', os.path.join(root, 'tests', 'docs')]
    program = units[0].mode == 'program'
    if program:
        cmd = [args.cxx] + flags + [base + '.cpp', '-o', base + '.exe']
    else:
        flags += ['-Wno-unused-variable', '-Wno-unused-but-set-variable']
        cmd = [args.cxx, '-fsyntax-only'] + flags + [base + '.cpp']
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, cwd=root)
    if r.returncode != 0:
        if len(units) > 1:  # find the blocks that fail on their own
            failed = [e for u in units for e in compile_units([u], args, tmp, root)]
            return failed or ['these blocks compile alone but not together (%s):\n%s' % (
                ' '.join(u.block.where for u in units), r.stdout)]
        return ['%s: %s block does not compile:\n%s' % (units[0].block.where, units[0].mode, r.stdout)]
    if program:
        try:
            r = subprocess.run([base + '.exe'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True, timeout=30)
        except subprocess.TimeoutExpired:
            return ['%s: program did not finish in 30 s' % units[0].block.where]
        if r.returncode != 0:
            return ['%s: program exited with %d:\n%s' % (units[0].block.where, r.returncode, r.stdout)]
    return []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('root')
    ap.add_argument('--cxx', default=os.environ.get('CXX', 'c++'))
    ap.add_argument('--std', default='17', help='17, c++20, -std=c++2b ...')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--show', metavar='FILE:LINE')
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    args.std = re.sub(r'^(-std=)?(c|gnu)\+\+', '', args.std)
    jobs = max(1, args.jobs)

    errors, blocks = [], []
    for rel in markdown_files(root):
        blocks += extract(root, rel, errors)
    if args.show:
        for b in blocks:
            if b.where == args.show:
                print(source([Unit(b)]))
                return 0
        print('no C++ block starts at %s' % args.show)
        return 1
    todo = [Unit(b) for b in blocks if b.marker != 'skip']
    batch = [u for u in todo if u.batchable]
    work = [batch[i::jobs] for i in range(jobs) if batch[i::jobs]] + \
        [[u] for u in todo if not u.batchable]
    with tempfile.TemporaryDirectory(prefix='heapless_snippets_') as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            for result in pool.map(lambda units: compile_units(units, args, tmp, root), work):
                errors += result
    for e in errors:
        print(e)
    print('%d C++ block(s): %d compiled (%d translation units), %d skipped; %s (%s, C++%s)' % (
        len(blocks), len(todo), len(work), len(blocks) - len(todo),
        '%d failure(s)' % len(errors) if errors else 'no failure', args.cxx, args.std))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
