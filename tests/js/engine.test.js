// Unit tests of themes/default/static/search-engine.js and search-index.js
// in node: the same normalisation and words as generator/index/search_text.cc,
// the numbers and term hash of generator/index/static_format.cc (the same vectors as
// tests/unit/index/static_format_test.cc), list and block decoding, the cheapest
// trigram cover, and a search over a small hand-made index: matching,
// filters, facet counts and snippets.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const engine = require('../../themes/default/static/search-engine.js');
const index = require('../../themes/default/static/search-index.js');

// The writer's put_number, for building lists here.
function encode(n) {
  let out = '';
  const digit = (d) => String.fromCharCode(35 + d + (35 + d >= 92 ? 1 : 0));
  while (n >= 50) {
    n -= 50;
    out += digit(50 + (n % 41));
    n = Math.floor(n / 41);
  }
  return out + digit(n);
}

test('normalisation: NFKC and lower case inside words, punctuation as written', () => {
  assert.equal(engine.normalize('ＡＢＣ２０２３年'), 'abc2023年');
  assert.equal(engine.normalize('XAPIAN Search'), 'xapian search');
  assert.equal(engine.normalize('学习《党章》，落实。'), '学习《党章》，落实。');
  assert.equal(engine.normalize('Ⅳ号'), 'iv号');
});

test('query words split at white space and punctuation', () => {
  assert.deepEqual(engine.queryWords('《党章》 2023年'), ['党章', '2023年']);
  assert.deepEqual(engine.queryWords('意识形态，整改 Ａb'), ['意识形态', '整改', 'ab']);
  assert.deepEqual(engine.queryWords('《》，。 '), []);
  // Ideographs, ASCII letters and digits between white space (the quick way).
  assert.deepEqual(engine.queryWords(' 意识形态\t整改\u3000ABC 2023年 '), ['意识形态', '整改', 'abc', '2023年']);
  assert.deepEqual(engine.queryWords('   '), []);
});

test('numbers read as the writer wrote them', () => {
  assert.deepEqual(index.numbers('#TU#]#~T'), [0, 49, 50, 57, 2099]);
  const values = [0, 1, 49, 50, 51, 2099, 2100, 86149, 86150, 2 ** 40];
  assert.deepEqual(index.numbers(values.map(encode).join('')), values);
});

test('term hash is the writer\'s', () => {
  assert.equal(index.termHash([]), 2166136261);
  assert.equal(index.termHash(Array.from('意识')), 4097009192);
  assert.equal(index.termHash(Array.from('工作')), 3292947828);
  assert.equal(index.termHash(['a']), 3826002220);
});

test('lists: documents with counts, characters, trigram positions and bigram counts', () => {
  // Bigram: doc 0 count 1, doc 2 count 4 (head 1*4+3, then 0), doc 3 count 1.
  const bigram = index.decodeList([0, 7, 0, 0].map(encode).join(''), 2);
  assert.deepEqual(Array.from(bigram.docs), [0, 2, 3]);
  assert.deepEqual(Array.from(bigram.counts), [1, 4, 1]);
  const chars = index.decodeList([0, 1, 2].map(encode).join(''), 1);
  assert.deepEqual(Array.from(chars.docs), [0, 2, 5]);
  // Trigram: doc 1 at 3 and 10 (head 1*4+1), its bigrams 3 and 2 times
  // (1 and 0 more: 1 + 7*0), positions (first 3, then gap 10-3-1); doc 4
  // at 0, its bigrams 11 and 1 times (10 and 0 more: 49, 10, 0).
  const trigram = index.decodeList([5, 1, 3, 6, 8, 49, 10, 0, 0].map(encode).join(''), 3);
  assert.deepEqual(Array.from(trigram.docs), [1, 4]);
  assert.deepEqual(Array.from(trigram.positions.slice(trigram.starts[0], trigram.starts[1])), [3, 10]);
  assert.deepEqual(Array.from(trigram.positions.slice(trigram.starts[1], trigram.starts[2])), [0]);
  assert.deepEqual(trigram.bigramCounts.map((c) => Array.from(c)), [[3, 11], [2, 1]]);
  const both = index.decodeList([0, 3 + 7 * 6, 0].map(encode).join(''), 3);
  assert.deepEqual(both.bigramCounts.map((c) => Array.from(c)), [[4], [7]]);
});

test('a block: lengths apart from facets, sets as gaps with an end bit, items 25 at a time behind a mask, their regulations as bits over the report\'s', () => {
  // A report on day 5 of kind 0 (of one), unit 0, no topic, length 100,
  // regulations 4 and 9, with 20 issues and 7 measures: issue 1 has length
  // 10 and the report's second regulation, issue 3 length 7; item 26 cites
  // regulation 3, which its report does not. Then a report three days
  // later, of no kind, units 2 and 5, topic 1, no items, length 0.
  // Ranking: counts as issues * 8 + measures; lengths times two, plus one
  // when regulations are cited; masks of the items with an entry.
  const ranking = [20 * 8 + 7, 201, 0b101, 21, 14, 0b1, 1, 0, 0];
  // Facets: the day as the distance from the report before, times the
  // kinds and one, plus the kind; units, topics; regulations.
  const facets = [5 * 2 + 1, 3, 0, 8, 9, 0b10, 0, 7, 3 * 2, 6, 5, 5];
  const blk = index.parseBlock(ranking.map(encode).join(''), 0, 0, 29, 8);
  assert.equal(blk.count, 29);
  assert.deepEqual(Array.from(blk.length.subarray(0, 4)), [100, 10, 0, 7]);
  const place = (i) => Object.values(index.placeOf(blk, i));  // group, type, index
  assert.deepEqual([0, 1, 20, 21, 26, 27, 28].map(place),
    [[0, 0, 0], [0, 1, 1], [0, 1, 20], [0, 2, 21], [0, 2, 26], [0, 2, 27], [1, 0, 0]]);
  assert.equal(blk.date, undefined, 'facets are read apart');
  index.parseBlockFacets(blk, facets.map(encode).join(''), 1);
  assert.deepEqual([blk.type[0], blk.type[1], blk.type[20], blk.type[21], blk.type[27], blk.type[28]], [0, 1, 1, 2, 2, 0]);
  assert.deepEqual(Array.from(blk.group), [...Array(28).fill(0), 1]);
  const regs = (d) => Array.from(blk.regs.subarray(blk.regStart[d], blk.regStart[d + 1]));
  const set = (at) => Array.from(blk.values.subarray(at + 1, at + 1 + blk.values[at]));
  assert.deepEqual([Array.from(blk.date), Array.from(blk.kind)], [[5, 8], [0, -1]]);
  assert.deepEqual([set(blk.units[0]), set(blk.topics[0]), set(blk.units[1]), set(blk.topics[1])], [[0], [], [2, 5], [1]]);
  assert.deepEqual([regs(0), regs(1), regs(2), regs(3), regs(26), regs(27), regs(28)], [[4, 9], [9], [], [], [3], [], []]);
  // A date with its kind past 2^31: 30,000 days on, kind 6 of 100,000.
  const far = index.parseBlock([0, 0].map(encode).join(''), 0, 0, 1, 1);
  index.parseBlockFacets(far, [30000 * 100001 + 7, 0, 0].map(encode).join(''), 100000);
  assert.deepEqual([far.date[0], far.kind[0]], [30000, 6]);
  // A count past the block's documents, fewer documents than it has, a
  // set without its end or numbers left over are damage, not a long loop
  // or wrong facets.
  assert.throws(() => index.parseBlock([1000000, 0].map(encode).join(''), 0, 0, 28, 8), /damaged/);
  assert.throws(() => index.parseBlock([0, 0].map(encode).join(''), 0, 0, 2, 8), /damaged/);
  assert.throws(() => index.parseBlock([1, 0, 0b10, 0].map(encode).join(''), 0, 0, 2, 8), /damaged/,
    'a mask bit past the items');
  const one = () => index.parseBlock([0, 0].map(encode).join(''), 0, 0, 1, 1);
  assert.throws(() => index.parseBlockFacets(one(), [0, 2].map(encode).join(''), 1), /damaged/);
  assert.throws(() => index.parseBlockFacets(one(), [0, 0, 0, 5].map(encode).join(''), 1), /damaged/);
});

test('the cheapest cover takes the first and last trigram, steps of at most two', () => {
  assert.deepEqual(engine.cheapestCover([5, 2, 100, 1, 5]), [0, 1, 3, 4]);
  assert.deepEqual(engine.cheapestCover([1, 1]), [0, 1]);
  assert.deepEqual(engine.cheapestCover([2, 9, 1, 9, 2]), [0, 2, 4]);
  const costs = [3, 1, 4, 1, 5, 9, 2, 6];
  const cover = engine.cheapestCover(costs);
  assert.equal(cover[0], 0);
  assert.equal(cover[cover.length - 1], costs.length - 1);
  for (let i = 1; i < cover.length; i++) assert.ok(cover[i] - cover[i - 1] <= 2);
});

// A hand-made index of three reports (no items): texts, lists, blocks; the
// text stream cut every `piece` characters.
const TINY_TEXTS = ['党建工作要点\n全面加强党建工作。', '财务工作\n工作作风有待改进', '党建\n意识形态工作责任制'];
function tinyIndex(texts = TINY_TEXTS, piece = 1024, oneBlockEach = false, limits = undefined) {
  const docs = texts.map((t) => Array.from(t));
  const lists = {};
  docs.forEach((chars, d) => {
    let seg = [];
    const flush = (end) => {
      const start = end - seg.length;
      seg.forEach((c, i) => {
        for (const n of [1, 2, 3]) {
          if (i + n > seg.length) continue;
          const term = seg.slice(i, i + n).join('');
          const l = (lists[term] = lists[term] || new Map());
          if (!l.has(d)) l.set(d, []);
          l.get(d).push(start + i);
        }
      });
      seg = [];
    };
    chars.forEach((c, i) => { if (engine.isWordChar(c)) seg.push(c); else flush(i); });
    flush(chars.length);
  });
  const lengths = docs.map(() => 0);
  const dict = {};
  for (const [term, byDoc] of Object.entries(lists)) {
    const cps = Array.from(term), n = cps.length;
    const bigrams = n === 3 ? [cps[0] + cps[1], cps[1] + cps[2]].map((b) => lists[b]) : [];
    let payload = '', previous = -1;
    for (const [d, positions] of byDoc) {
      const gap = d - previous;
      previous = d;
      if (n === 1) { payload += encode(gap - 1); continue; }
      if (n === 2) lengths[d] += positions.length;
      const count = positions.length;
      payload += encode((gap - 1) * 4 + Math.min(count, 4) - 1) + (count >= 4 ? encode(count - 4) : '');
      if (n !== 3) continue;
      const [a, b] = bigrams.map((l) => l.get(d).length - count);
      payload += a < 7 && b < 7 ? encode(a + 7 * b) : [49, a, b].map(encode).join('');
      positions.forEach((p, i) => { payload += encode(i === 0 ? p : p - positions[i - 1] - 1); });
    }
    dict[term] = n === 3 ? [byDoc.size, ...bigrams.map((l) => l.size), payload] : [byDoc.size, payload];
  }
  const shards = 3, files = {};
  for (const [term, entry] of Object.entries(dict)) {
    const name = 't/' + (index.termHash(Array.from(term).slice(0, 2)) % shards);
    (files[name] = files[name] || {})[term] = entry;
  }
  for (let s = 0; s < shards; s++) files['t/' + s] = files['t/' + s] || {};
  // Block: per report its counts (none) and length * 2, plus 1 with a
  // regulation; then days since the report before with its kind (the one
  // kind), its unit and topic (sets of one) and regulation (a set of one).
  const ranking = (days, unit, topic, regs, length) => [0, length * 2 + (regs.length ? 1 : 0)];
  const facets = (days, unit, topic, regs) =>
    [days * 2 + 1, (unit + 1) * 2 + 1, (topic + 1) * 2 + 1, ...regs.map((r) => r * 2 + 1)];
  const day = (y, m, d) => 1 + (y - 2022) * 372 + (m - 1) * 31 + (d - 1);
  const days = [day(2022, 5, 1), day(2023, 1, 9), day(2023, 3, 2)];
  const groups = [[0, 0, [0]], [1, 0, []], [0, 1, [0]]];  // unit, topic, regulations
  // One block, or a block of each report (a block's days count from 0).
  const blocks = oneBlockEach ? [[0], [1], [2]] : [[0, 1, 2]];
  blocks.forEach((members, b) => {
    const half = (write) => members.map((r, k) => write(days[r] - (k ? days[members[k - 1]] : 0), ...groups[r], lengths[r]))
      .flat().map(encode).join('');
    files['d/' + b] = [half(ranking), half(facets)];
  });
  let stream = '';
  files['r/0'] = [];
  texts.forEach((t, i) => {
    files['r/' + i] = [['r' + i, t.split('\n')[0], 'reports/r' + i + '/index.html', ['2022-05-01', '2023-01-09', '2023-03-02'][i],
      [['市局', '财政局'][i === 1 ? 1 : 0]], Array.from(stream).length, Array.from(t).length, []]];
    stream += t;
  });
  const chars = Array.from(stream);
  for (let k = 0; k * piece < chars.length; k++) files['x/' + k] = chars.slice(k * piece, (k + 1) * piece).join('');
  files.meta = {
    schema: 4, docs: 3, reports: 3, totalLength: lengths.reduce((a, b) => a + b), bm25: [1, 0, 1, 0.5, 0.5],
    shards, blockReports: oneBlockEach ? 1 : 64, blocks: blocks.map((m) => m[0]), countBase: 1, chunkReports: 1, textPiece: piece, firstYear: 2022,
    facets: { unit: [['shiju', '市局', -1], ['caizheng', '财政局', -1]], topic: [['dangjian', '党建'], ['zuofeng', '作风']],
      regulation: [['dangzhang', '党章']], kind: ['工作汇报'] }
  };
  const loaded = [];
  const e = engine.createEngine((name) => { loaded.push(name); return files[name]; }, limits);
  return { e, loaded, files };
}

test('a search finds the documents holding every word as written', async () => {
  const { e } = tinyIndex();
  const keys = async (q, extra) => (await e.search({ query: q, limit: 10, ...extra })).hits.map((h) => h.key).sort();
  assert.deepEqual(await keys('党建工作'), ['r0']);
  assert.deepEqual(await keys('工作'), ['r0', 'r1', 'r2']);
  assert.deepEqual(await keys('党建 工作'), ['r0', 'r2']);
  assert.deepEqual(await keys('形态工作责任'), ['r2']);
  assert.deepEqual(await keys('建工作责'), [], 'all trigrams of 建工作 and 工作责 exist, not the word');
  assert.deepEqual(await keys('作'), ['r0', 'r1', 'r2']);
  assert.deepEqual(await keys('不存在'), []);
  assert.equal((await e.search({ query: '《》' })).error, 'no-words');
});

test('filters: OR within a facet, AND across; counts of a chosen facet ignore it', async () => {
  const { e } = tinyIndex();
  const r = await e.search({ query: '工作', filters: { unit: ['shiju'] }, limit: 10 });
  assert.deepEqual(r.hits.map((h) => h.key).sort(), ['r0', 'r2']);
  assert.deepEqual(r.facets.unit.map((f) => [f.value, f.count]), [['shiju', 2], ['caizheng', 1]]);
  assert.deepEqual(r.facets.year.map((f) => [f.value, f.count]), [['2023', 1], ['2022', 1]]);
  const both = await e.search({ query: '工作', filters: { unit: ['shiju', 'caizheng'], year: ['2023'] }, limit: 10 });
  assert.deepEqual(both.hits.map((h) => h.key).sort(), ['r1', 'r2']);
  const none = await e.search({ query: '财务', filters: { topic: ['zuofeng'] }, limit: 10 });
  assert.equal(none.total, 0);
  assert.deepEqual(none.facets.topic.find((f) => f.value === 'zuofeng'), { value: 'zuofeng', label: '作风', count: 0 },
    'a chosen value stays listed');
});

test('sort by date, newest first; snippets mark every word in the first match\'s line', async () => {
  const { e } = tinyIndex();
  const r = await e.search({ query: '工作', sort: 'date', limit: 10 });
  assert.deepEqual(r.hits.map((h) => h.date), ['2023-03-02', '2023-01-09', '2022-05-01']);
  const s = await e.search({ query: '责任制 工作', limit: 10 });
  assert.deepEqual(s.hits[0].snippet, [{ text: '意识形态' }, { text: '工作', mark: true }, { text: '责任制', mark: true }]);
});

test('an index of several blocks answers as one of one block', async () => {
  const one = tinyIndex().e, three = tinyIndex(TINY_TEXTS, 1024, true);
  const requests = [{ query: '工作' }, { query: '党建 工作' }, { query: '形态工作责任' }, { query: '作', sort: 'date' },
    { query: '工作', filters: { unit: ['shiju'], year: ['2023'] } }, { query: '工作', offset: 1, limit: 1 }];
  for (const request of requests) {
    const [a, b] = [await one.search(request), await three.e.search(request)];
    const answer = (r) => ({ total: r.total, hits: r.hits.map((h) => [h.key, h.weight, h.date]), facets: r.facets });
    assert.deepEqual(answer(b), answer(a), JSON.stringify(request));
  }
  assert.deepEqual(three.loaded.filter((n) => n.startsWith('d/')).sort(), ['d/0', 'd/1', 'd/2']);
});

test('the results come before the facets: the count, the hits, then, once drawn, the facets', async () => {
  const { e } = tinyIndex();
  const seen = [];
  const r = await e.search({
    query: '工作', limit: 10,
    progress: (p) => seen.push([p.total, p.hits ? p.hits.length : null, p.facets ? p.facets.unit.length : null]),
    drawn: () => { seen.push('drawn'); return Promise.resolve(); }
  });
  assert.deepEqual(seen, [[3, null, null], [3, 3, null], 'drawn', [3, 3, 2]]);
  assert.deepEqual(r.facets.unit.map((f) => [f.value, f.count]), [['shiju', 2], ['caizheng', 1]]);
});

test('a search loads only the shards of its terms and the chunks it shows', async () => {
  const { e, loaded } = tinyIndex();
  await e.search({ query: '财务', limit: 10 });
  assert.deepEqual(loaded.filter((n) => n.startsWith('r/')), ['r/1']);
  assert.equal(loaded.filter((n) => n.startsWith('t/')).length, 1);
});

test('an index of one block asks for it with the dictionary, before the dictionary is in', async () => {
  const { files } = tinyIndex();
  const delivered = [], asked = [];
  const e = engine.createEngine((name) => {
    asked.push({ name, after: delivered.filter((n) => n.startsWith('t/')) });
    return new Promise((resolve) => setTimeout(() => { delivered.push(name); resolve(files[name]); }, 1));
  });
  assert.equal((await e.search({ query: '工作', limit: 10 })).total, 3);
  const block = asked.find((a) => a.name === 'd/0');
  assert.ok(block, 'the block is loaded');
  assert.deepEqual(block.after, [], 'asked for before any dictionary shard came');
});

test('prepare() loads what every search needs: meta.js and an index\'s one block, once', async () => {
  const { e, loaded } = tinyIndex();
  await e.prepare();
  assert.deepEqual(loaded, ['meta', 'd/0']);
  assert.equal((await e.search({ query: '工作', limit: 10 })).total, 3);
  assert.equal(loaded.filter((n) => n === 'd/0').length, 1, loaded.join());
  const several = tinyIndex(TINY_TEXTS, 1024, true);
  await several.e.prepare();
  assert.deepEqual(several.loaded, ['meta'], 'no block of several: a query needs only some');
});

test('prefetch(words) loads what matching them needs; their search then asks only for what it shows', async () => {
  const { e, loaded } = tinyIndex();
  await e.prefetch('工作 财务');
  const before = loaded.splice(0);
  assert.ok(before.includes('meta') && before.includes('d/0'), before.join());
  assert.ok(before.some((n) => n.startsWith('t/')), before.join());
  assert.ok(!before.some((n) => n.startsWith('r/') || n.startsWith('x/')), before.join());
  const r = await e.search({ query: '工作 财务', limit: 10 });
  assert.ok(r.total > 0);
  assert.deepEqual(loaded.filter((n) => !n.startsWith('r/') && !n.startsWith('x/')), [], loaded.join());
  await e.prefetch('');  // no words: nothing more
  await e.prefetch('不存在的词');  // a term in no document: its shard only
  assert.deepEqual((await e.search({ query: '工作 财务', limit: 10 })).total, r.total);
});

test('a snippet reads no text for a match in the title, and from the text\'s piece on for a later one', async () => {
  // Pieces of 8 characters: 党建 (r0) and 责任 (r1) lie across a piece's end.
  const texts = ['工作要点\n全面党建工作。', '作风建设\n工作作风有待改进，要切实强化责任', '党建\n意识形态工作责任制'];
  const { e, loaded } = tinyIndex(texts, 8);
  const pieces = () => loaded.filter((n) => n.startsWith('x/'));
  const r = await e.search({ query: '作风', limit: 10 });
  assert.deepEqual(r.hits.map((h) => h.key), ['r1']);
  assert.deepEqual(r.hits[0].snippet, [{ text: '作风', mark: true }, { text: '建设' }]);
  assert.deepEqual(pieces(), [], 'the title line is in the result chunk');
  const s = await e.search({ query: '党建', limit: 10 });
  const first = s.hits.find((h) => h.key === 'r0');
  assert.deepEqual(first.snippet, [{ text: '全面' }, { text: '党建', mark: true }, { text: '工作。' }]);
  assert.deepEqual(pieces(), ['x/0', 'x/1'], 'r0 from its first piece on (党建 spans x/0 and x/1), r2 from its title');
  loaded.length = 0;
  const t = await e.search({ query: '责任 改进', limit: 10 });
  assert.deepEqual(t.hits.map((h) => h.key), ['r1']);
  assert.deepEqual(t.hits[0].snippet, [{ text: '工作作风有待' }, { text: '改进', mark: true }, { text: '，要切实强化' },
    { text: '责任', mark: true }]);
  assert.deepEqual(pieces(), ['x/2', 'x/3', 'x/4'], 'after the title, to x/2\'s end, then x/3 (改进); the line to x/4');
});

test('what searches loaded and decoded is kept for the next, up to the limits', async () => {
  const texts = ['工作要点\n全面党建工作。', '作风建设\n工作作风有待改进', '党建\n意识形态工作责任制'];
  const decodeList = index.decodeList;
  let decoded = 0;
  index.decodeList = (...args) => { decoded++; return decodeList(...args); };
  try {
    const twice = async (limits) => {
      const { e, loaded } = tinyIndex(texts, 8, false, limits);
      const first = await e.search({ query: '党建', limit: 10 });
      const pieces = loaded.filter((n) => n.startsWith('x/')).length, lists = decoded;
      loaded.length = 0;
      decoded = 0;
      const again = await e.search({ query: '党建', limit: 10 });
      assert.deepEqual(again, first);
      assert.ok(pieces > 0 && lists > 0);
      return [loaded.filter((n) => n.startsWith('x/')).length, decoded, pieces, lists];
    };
    const [piecesKept, listsKept] = await twice(undefined);
    assert.deepEqual([piecesKept, listsKept], [0, 0], 'within the limits nothing is loaded or decoded again');
    const [piecesAgain, listsAgain, pieces, lists] = await twice({ chars: 0, bytes: 0 });
    assert.deepEqual([piecesAgain, listsAgain], [pieces, lists], 'past them, the next search loads and decodes again');
  } finally {
    index.decodeList = decodeList;
  }
});
