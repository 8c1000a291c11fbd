// search-index.js: reading the browser index of a dossier site
// (search/static/, docs/search.md "Browser index"): its numbers, term hash,
// lists and document blocks, and loading its files with <script> elements,
// which work from file:// as well as over HTTP. search-engine.js searches
// with it; node runs both in tests.
(function (root) {
  'use strict';

  // ---- Numbers: the 91-digit encoding of generator/index/static_format.h

  var FINAL = 50, BASE = 41;

  // Every number of `s`, from `from` (default 0) to `to` (default the end).
  function numbers(s, from, to) {
    var out = [], value = 0, place = 1, end = to === undefined ? s.length : to;
    for (var i = from || 0; i < end; i++) {
      var c = s.charCodeAt(i), d = c > 92 ? c - 36 : c - 35;
      if (d < FINAL) {
        out.push(value + d * place);
        value = 0;
        place = 1;
      } else {
        value += d * place;
        place *= BASE;
      }
    }
    return out;
  }

  // FNV-1a over code points: the dictionary shard of a term.
  function termHash(codePoints) {
    var h = 2166136261;
    for (var i = 0; i < codePoints.length; i++) {
      h = Math.imul(h ^ codePoints[i].codePointAt(0), 16777619) >>> 0;
    }
    return h;
  }

  // Every number of `s` into a typed array (Int32Array unless given: lists
  // hold no number of 2^31 or more): one pass, no array growing.
  function smallNumbers(s, Type) {
    var out = new (Type || Int32Array)(s.length), n = 0, value = 0, place = 1;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), d = c > 92 ? c - 36 : c - 35;
      if (d < FINAL) {
        out[n++] = value + d * place;
        value = 0;
        place = 1;
      } else {
        value += d * place;
        place *= BASE;
      }
    }
    return out.subarray(0, n);
  }

  // ---- Lists: bigram (document, count), character (document), trigram
  // (document, positions, its two bigrams' counts). A document's entry
  // begins with its distance from the previous one; bigrams and trigrams
  // add a count. Typed arrays: a common term's list holds most documents.
  function decodeList(payload, length) {
    var n = smallNumbers(payload), size = n.length, tri = length === 3;
    var docs = new Int32Array(size), counts = new Int32Array(size);
    var positions = new Int32Array(tri ? size : 0), starts = new Int32Array(tri ? size + 1 : 0);
    var firsts = new Int32Array(tri ? size : 0), seconds = new Int32Array(tri ? size : 0);
    var doc = -1, i = 0, d = 0, p = 0;
    while (i < size) {
      var head = n[i++], count = 1;
      if (length === 1) {
        doc += head + 1;
      } else {
        doc += (head >> 2) + 1;
        count = (head & 3) + 1;
        if (count === 4) count += n[i++];
      }
      docs[d] = doc;
      counts[d] = count;
      if (tri) {
        // The bigrams' counts less the trigram's: a + 7b, or 49 and the two.
        var both = n[i++];
        if (both === 49) {
          firsts[d] = count + n[i++];
          seconds[d] = count + n[i++];
        } else {
          firsts[d] = count + both % 7;
          seconds[d] = count + ((both / 7) | 0);
        }
        starts[d] = p;
        for (var k = 0, at = -1; k < count; k++) {
          at = k === 0 ? n[i++] : at + n[i++] + 1;
          positions[p++] = at;
        }
      }
      d++;
    }
    if (tri) starts[d] = p;
    return {
      docs: docs.subarray(0, d), counts: counts.subarray(0, d),
      positions: positions.subarray(0, p), starts: starts.subarray(0, tri ? d + 1 : 0),
      bigramCounts: tri ? [firsts.subarray(0, d), seconds.subarray(0, d)] : null
    };
  }

  // The blocks a dictionary entry's documents are in, as the writer lists
  // them for a long list (first, then each next less the one before, less
  // one); null when the entry does not say (every block).
  function entryBlocks(entry) {
    if (entry.length < 5) return null;
    var n = numbers(entry[4]);
    for (var i = 1; i < n.length; i++) n[i] += n[i - 1] + 1;
    return n;
  }

  // ---- Document blocks, in two halves (docs/search.md has the encoding:
  // sets of indexes as gaps with an end bit, items by 25 behind a mask of
  // those with a length or regulations, an item's regulations as bits over
  // its report's). The first half is what ranking needs, per document its
  // length; the second, per group (a report with its issues and measures)
  // its date, kind, units and topics and per document its regulations, is
  // read only when facets are counted or filtered, or results sorted by
  // date: a query's results show without it. Flat typed arrays, no object
  // per group or document (a broad query reads every block).
  //
  // parseBlock: per group g (report firstReport + g) its first document
  // groupFirst[g] and its number of issues groupIssues[g] (placeOf says
  // where a document is); per document i, numbered from `first`, its length
  // and whether it cites regulations. parseBlockFacets adds per group g:
  // date[g] (0: none), year[g] (years since firstYear, -1: none), kind[g]
  // (-1: none), its units values[units[g] + 1 ...] (values[units[g]] of
  // them), its topics likewise; per document i its group, its type (0
  // report, 1 issue, 2 measure) and its regulations regs[regStart[i]] to
  // regs[regStart[i + 1]].
  var MASK_BITS = 25;
  function grown(a, need) {
    var b = new Int32Array(Math.max(need, a.length * 2));
    b.set(a);
    return b;
  }
  function damaged() { return new Error('a document block is damaged'); }
  // `count`: the block's documents; `countBase`: a report's counts are
  // issues * countBase + measures (both from meta.js).
  function parseBlock(data, first, firstReport, count, countBase) {
    // As doubles: a report's two counts can pass 2^31 in an archive of
    // tens of thousands of items.
    var n = smallNumbers(data, Float64Array), i = 0, size = n.length, g = 0, d = 0;
    var groupFirst = new Int32Array(Math.ceil(size / 2) + 1), groupIssues = new Int32Array(Math.ceil(size / 2));
    var length = new Int32Array(count), cites = new Uint8Array(count);
    while (i < size) {
      var counts = n[i++], issues = Math.floor(counts / countBase), items = issues + counts % countBase;
      if (!(d + 1 + items <= count)) throw damaged();
      groupFirst[g] = d;
      groupIssues[g++] = issues;
      var head = n[i++];  // the report's length times two, plus one when it cites regulations
      length[d] = head >> 1;
      cites[d] = head & 1;
      // Its items, by MASK_BITS: the mask, then the entries it names (an
      // item without one has length 0 and no regulations).
      for (var k = 1; k <= items; k += MASK_BITS) {
        var present = n[i++];
        if (!(present < 1 << Math.min(MASK_BITS, items - k + 1))) throw damaged();
        for (; present; present &= present - 1) {
          var at = d + k + 31 - Math.clz32(present & -present);
          head = n[i++];
          length[at] = head >> 1;
          cites[at] = head & 1;
        }
      }
      d += 1 + items;
    }
    if (i > size || d !== count) throw damaged();
    groupFirst[g] = d;
    return {
      first: first, count: d, firstReport: firstReport, groups: g,
      groupFirst: groupFirst.subarray(0, g + 1), groupIssues: groupIssues.subarray(0, g), length: length, cites: cites
    };
  }
  // Where document i of a parsed block is: its group, type (0 report, 1
  // issue, 2 measure) and index in its group (0 the report).
  function placeOf(blk, i) {
    var lo = 0, hi = blk.groups - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (blk.groupFirst[mid] <= i) lo = mid; else hi = mid - 1;
    }
    var at = i - blk.groupFirst[lo];
    return { group: lo, type: at === 0 ? 0 : at <= blk.groupIssues[lo] ? 1 : 2, index: at };
  }
  // `kinds`: how many kinds there are (meta.js).
  function parseBlockFacets(blk, data, kinds) {
    // As doubles: a date with its kind can pass 2^31 with tens of
    // thousands of kinds.
    var n = smallNumbers(data, Float64Array), i = 0, size = n.length, groups = blk.groups, count = blk.count;
    var date = new Int32Array(groups), year = new Int32Array(groups), kind = new Int32Array(groups);
    var units = new Int32Array(groups), topics = new Int32Array(groups), regStart = new Int32Array(count + 1);
    var values = new Int32Array(2 * size), v = 0, regs = new Int32Array(size), r = 0;
    // The set of indexes at n[i], one number each: appended to `values` as a
    // count and the indexes, or to `regs`.
    function readSet(toValues, mayBeEmpty) {
      var at = mayBeEmpty ? -2 : -1, from = toValues ? v + 1 : r, k = from;
      if (mayBeEmpty && n[i] === 0) {
        i++;
      } else {
        for (var last = 0; !last; k++) {
          if (i >= size) throw damaged();
          var x = n[i++];
          at += (x >> 1) + 1;
          last = x & 1;
          if (toValues) values[k] = at;
          else (regs = k < regs.length ? regs : grown(regs, k + 1))[k] = at;
        }
      }
      if (toValues) { values[v] = k - from; v = k; } else r = k;
    }
    var group = new Int32Array(count), type = new Uint8Array(count);
    var day = 0, d = 0;
    for (var g = 0; g < groups; g++) {
      var gFirst = blk.groupFirst[g], gEnd = blk.groupFirst[g + 1];
      group.fill(g, gFirst, gEnd);
      type.fill(1, gFirst + 1, gFirst + 1 + blk.groupIssues[g]);
      type.fill(2, gFirst + 1 + blk.groupIssues[g], gEnd);
      if (i >= size) throw damaged();
      var dayAndKind = n[i++];
      day += Math.floor(dayAndKind / (kinds + 1));
      date[g] = day;
      year[g] = day ? Math.floor((day - 1) / 372) : -1;
      kind[g] = dayAndKind % (kinds + 1) - 1;
      units[g] = v;
      readSet(true, true);
      topics[g] = v;
      readSet(true, true);
      // The report's regulations, then its items': bits over the report's,
      // or 0 and their set.
      var reportRegs = r;
      regStart[d] = r;
      if (blk.cites[d++]) readSet(false, false);
      for (; d < gEnd; d++) {
        regStart[d] = r;
        if (!blk.cites[d]) continue;
        var bits = n[i++];
        if (bits) {
          if (r + MASK_BITS > regs.length) regs = grown(regs, r + MASK_BITS);
          for (var b = reportRegs; bits; b++, bits >>>= 1) if (bits & 1) regs[r++] = regs[b];
        } else {
          readSet(false, false);
        }
      }
    }
    if (i !== size) throw damaged();
    regStart[d] = r;
    blk.group = group;
    blk.type = type;
    blk.values = values.subarray(0, v);
    blk.date = date;
    blk.year = year;
    blk.kind = kind;
    blk.units = units;
    blk.topics = topics;
    blk.regStart = regStart;
    blk.regs = regs.subarray(0, r);
    return blk;
  }

  // ---- Loading: each index file calls dossierSearch.add(name, data).

  var receiver = root.dossierSearch || { data: {}, waiting: {} };
  receiver.add = function (name, data) {
    if (receiver.waiting[name]) {
      receiver.waiting[name](data);
      delete receiver.waiting[name];
    } else {
      receiver.data[name] = data;  // loaded by the page itself (meta.js)
    }
  };
  root.dossierSearch = receiver;

  // A loader of search/static/<name>.js files below `base`, through
  // <script> elements of `doc`. The files asked for in one turn go into the
  // document together, in one fragment (measured: the results show sooner
  // than with one insertion per file; docs/search.md).
  function scriptLoader(base, doc) {
    var batch = null;
    function insert() {
      doc.head.appendChild(batch);
      batch = null;
    }
    return function (name) {
      if (Object.prototype.hasOwnProperty.call(receiver.data, name)) {
        var data = receiver.data[name];
        delete receiver.data[name];
        return Promise.resolve(data);
      }
      return new Promise(function (resolve, reject) {
        var s = doc.createElement('script');
        receiver.waiting[name] = resolve;
        s.src = base + name + '.js';
        s.async = true;
        s.onload = function () {
          s.remove();
          if (receiver.waiting[name]) {
            delete receiver.waiting[name];
            reject(new Error('the search index file ' + name + '.js is damaged'));
          }
        };
        s.onerror = function () {
          s.remove();
          delete receiver.waiting[name];
          reject(new Error('cannot load the search index file ' + name + '.js'));
        };
        if (!batch) {
          batch = doc.createDocumentFragment();
          Promise.resolve().then(insert);
        }
        batch.appendChild(s);
      });
    };
  }

  var api = {
    numbers: numbers,
    termHash: termHash,
    decodeList: decodeList,
    entryBlocks: entryBlocks,
    parseBlock: parseBlock,
    parseBlockFacets: parseBlockFacets,
    placeOf: placeOf,
    scriptLoader: scriptLoader
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.dossierSearchIndex = api;
})(typeof window !== 'undefined' ? window : globalThis);
