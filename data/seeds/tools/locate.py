#!/usr/bin/env python3
"""Check (and optionally fix) the quote offsets of seed claims.

Every claim in data/seeds/*.textproto whose provenance names an article source
(s000 .. s004) quotes that article exactly; `begin`/`end` are the quote's
offsets in the article in Unicode code points, [begin, end).

    data/seeds/tools/locate.py                 # check every data/seeds/*.textproto
    data/seeds/tools/locate.py --fix FILE...   # rewrite wrong or missing offsets
    data/seeds/tools/locate.py --find s002 "accessed on 23 Jan 2109"

The articles are read from $CLAIMCHECK_SEEDS_DIR, or --seeds, or else
<workspace>/../shared/seeds. Source sNNN is the article file NNN_*.txt.

With --fix, a quote that occurs once gets its offsets; a quote that occurs
several times keeps offsets that already point at one occurrence and is
otherwise reported (make the quote longer). Exit status 1 when anything is
left wrong. Standard library only; reads text format loosely (it only looks at
`provenance { ... }` blocks and the `id` before them).
"""
import argparse
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSPACE = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
ARTICLE_SOURCE = re.compile(r'^s(\d{3})$')


def seeds_dir(arg):
    if arg:
        return arg
    env = os.environ.get('CLAIMCHECK_SEEDS_DIR')
    if env:
        return env
    return os.path.normpath(os.path.join(WORKSPACE, '..', 'shared', 'seeds'))


def load_articles(directory):
    articles = {}
    for path in sorted(glob.glob(os.path.join(directory, '[0-9][0-9][0-9]_*.txt'))):
        with open(path, encoding='utf-8') as f:
            articles['s' + os.path.basename(path)[:3]] = f.read()
    return articles


# --- a small text-format tokenizer ------------------------------------------
TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>-?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)[fF]?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_.]*)
  | (?P<punct>[{}\[\]:;,<>])
''', re.VERBOSE)

SIMPLE_ESCAPES = {'n': b'\n', 't': b'\t', 'r': b'\r', '\\': b'\\', '"': b'"',
                  "'": b"'", 'a': b'\a', 'b': b'\b', 'f': b'\f', 'v': b'\v',
                  '?': b'?'}


def unescape(literal):
    """The UTF-8 text of a text-format string literal (quotes included)."""
    body = literal[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        n = body[i + 1]
        if n in SIMPLE_ESCAPES:
            out += SIMPLE_ESCAPES[n]
            i += 2
        elif n in '01234567':
            m = re.match(r'[0-7]{1,3}', body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif n in 'xX':
            m = re.match(r'[0-9A-Fa-f]{1,2}', body[i + 2:])
            out.append(int(m.group(0), 16))
            i += 2 + len(m.group(0))
        elif n == 'u':
            out += chr(int(body[i + 2:i + 6], 16)).encode('utf-8')
            i += 6
        elif n == 'U':
            out += chr(int(body[i + 2:i + 10], 16)).encode('utf-8')
            i += 10
        else:
            raise ValueError('bad escape \\%s in %s' % (n, literal))
    return out.decode('utf-8')


def tokenize(text):
    pos = 0
    tokens = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            line = text.count('\n', 0, pos) + 1
            raise ValueError('cannot read text format at line %d' % line)
        kind = m.lastgroup
        if kind not in ('ws', 'comment'):
            tokens.append((kind, m.group(0), m.start(), m.end()))
        pos = m.end()
    return tokens


def provenances(text):
    """Yields dicts: claim id, source, quote, begin/end values and token spans."""
    tokens = tokenize(text)
    last_id = None
    depth = 0
    i = 0
    while i < len(tokens):
        kind, val, _, _ = tokens[i]
        if val == '{':
            depth += 1
        elif val == '}':
            depth -= 1
        elif kind == 'ident' and val == 'id' and depth == 1 and i + 2 < len(tokens):
            last_id = unescape(tokens[i + 2][1])
        elif kind == 'ident' and val == 'provenance':
            j = i + 1
            if tokens[j][1] == ':':
                j += 1
            assert tokens[j][1] == '{', 'provenance without {'
            p = {'id': last_id, 'line': text.count('\n', 0, tokens[i][2]) + 1}
            k = j + 1
            d = 1
            while d > 0:
                kk, vv, s, e = tokens[k]
                if vv == '{':
                    d += 1
                elif vv == '}':
                    d -= 1
                    if d == 0:
                        p['close'] = s
                elif d == 1 and kk == 'ident' and vv in ('source', 'quote', 'begin', 'end'):
                    v = tokens[k + 2]
                    p[vv] = unescape(v[1]) if v[0] == 'string' else int(v[1])
                    p[vv + '_span'] = (v[2], v[3])
                k += 1
            yield p
            i = k
            continue
        i += 1


def occurrences(article, quote):
    hits, at = [], article.find(quote)
    while at >= 0:
        hits.append(at)
        at = article.find(quote, at + 1)
    return hits


def check_file(path, articles, fix, out):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    edits = []  # (start, end, replacement)
    problems = 0
    for p in provenances(text):
        src = p.get('source', '')
        if not ARTICLE_SOURCE.match(src):
            continue
        where = '%s:%d: claim %s' % (path, p['line'], p['id'])
        article = articles.get(src)
        if article is None:
            out.write('%s: no article for source %s\n' % (where, src))
            problems += 1
            continue
        quote = p.get('quote', '')
        begin, end = p.get('begin', 0), p.get('end', 0)
        if quote and article[begin:end] == quote and end - begin == len(quote):
            continue
        hits = occurrences(article, quote) if quote else []
        if not hits:
            out.write('%s: quote not found in %s: %r\n' % (where, src, quote))
            problems += 1
            continue
        if len(hits) > 1:
            out.write('%s: quote occurs %d times in %s (at %s); lengthen it: %r\n'
                      % (where, len(hits), src, hits, quote))
            problems += 1
            continue
        b, e = hits[0], hits[0] + len(quote)
        if not fix:
            out.write('%s: offsets [%d, %d) should be [%d, %d)\n' % (where, begin, end, b, e))
            problems += 1
            continue
        if 'begin_span' in p and 'end_span' in p:
            edits.append(p['begin_span'] + (str(b),))
            edits.append(p['end_span'] + (str(e),))
        else:
            for key in ('begin_span', 'end_span'):
                if key in p:  # drop a lone begin or end; both are re-added
                    s, t = p[key]
                    name_start = text.rfind(key[:-5], 0, s)
                    edits.append((name_start, t, ''))
            qe = p['quote_span'][1]
            edits.append((qe, qe, ' begin: %d end: %d' % (b, e)))
        out.write('%s: fixed offsets to [%d, %d)\n' % (where, b, e))
    if edits:
        for s, e, r in sorted(edits, reverse=True):
            text = text[:s] + r + text[e:]
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('files', nargs='*', help='text-format ClaimSet files '
                    '(default: data/seeds/*.textproto)')
    ap.add_argument('--seeds', help='directory of the NNN_*.txt articles')
    ap.add_argument('--fix', action='store_true', help='rewrite wrong offsets')
    ap.add_argument('--find', nargs=2, metavar=('SOURCE', 'QUOTE'),
                    help='print the offsets of QUOTE in article SOURCE')
    args = ap.parse_args()
    directory = seeds_dir(args.seeds)
    articles = load_articles(directory)
    if not articles:
        sys.exit('no articles (NNN_*.txt) in %s' % directory)
    if args.find:
        src, quote = args.find
        for at in occurrences(articles[src], quote):
            print('begin: %d end: %d' % (at, at + len(quote)))
        return 0
    files = args.files or sorted(glob.glob(os.path.join(WORKSPACE, 'data', 'seeds', '*.textproto')))
    problems = sum(check_file(f, articles, args.fix, sys.stdout) for f in files)
    if problems:
        print('%d problem(s)' % problems)
        return 1
    print('%d file(s): every article quote matches its offsets' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
