// search-engine.js: the browser search of a dossier site (docs/search.md,
// "Browser index"). It reads the files of search/static/ through a loader
// (the page's loads them with <script> elements, so search works from
// file:// too), finds the documents whose text holds every query word as
// written, ranks them with BM25 exactly as the Xapian index does, counts
// facets and cuts highlighted snippets. No DOM here: node runs it in tests.
(function (root) {
  'use strict';

  // ---- Text: the same normalisation and words as generator/index/search_text.cc

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

  function normalize(text) {
    return text.replace(WORD, function (w) { return w.normalize('NFKC').toLowerCase(); });
  }

  // A query's words, normalised: runs of letters, marks and digits.
  function queryWords(query) {
    return normalize(query).match(WORD) || [];
  }

  // ---- Numbers: the 91-digit encoding of generator/index/static_format.h

  var FINAL = 50, BASE = 41;

  // Decodes every number of `s` into an array.
  function numbers(s) {
    var out = [], value = 0, place = 1;
    for (var i = 0; i < s.length; i++) {
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

  // ---- Lists: bigram (document, count), character (document), trigram
  // (document, positions). A document's entry begins with its distance from
  // the previous one; bigrams and trigrams add a count.

  function decodeList(payload, length) {
    var n = numbers(payload), docs = [], counts = [], positions = [], starts = [];
    var doc = -1, i = 0;
    while (i < n.length) {
      var head = n[i++], count = 1;
      if (length === 1) {
        doc += head + 1;
      } else {
        doc += Math.floor(head / 4) + 1;
        count = (head % 4) + 1;
        if (count === 4) count += n[i++];
      }
      docs.push(doc);
      counts.push(count);
      if (length === 3) {
        starts.push(positions.length);
        for (var k = 0, p = -1; k < count; k++) {
          p = k === 0 ? n[i++] : p + n[i++] + 1;
          positions.push(p);
        }
      }
    }
    if (length === 3) starts.push(positions.length);
    return { docs: docs, counts: counts, positions: positions, starts: starts };
  }

  // Index of `doc` in the sorted `docs`, or -1.
  function find(docs, doc) {
    var lo = 0, hi = docs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (docs[mid] < doc) lo = mid + 1;
      else if (docs[mid] > doc) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  // The trigrams to check a word of four or more characters with: each
  // character in one of them, at the least cost (characters of lists to
  // load). Chosen trigrams start at most three apart.
  function cheapestCover(costs) {
    var best = [], from = [];
    for (var i = 0; i < costs.length; i++) {
      best.push(Infinity);
      from.push(-1);
      if (i === 0) { best[0] = costs[0]; continue; }
      for (var j = Math.max(0, i - 3); j < i; j++) {
        if (best[j] + costs[i] < best[i]) { best[i] = best[j] + costs[i]; from[i] = j; }
      }
    }
    var chosen = [];
    for (var at = costs.length - 1; at >= 0; at = from[at]) chosen.unshift(at);
    return chosen;
  }

  // ---- BM25 as Xapian's BM25Weight (xapian-core/weight/bm25weight.cc).

  function bm25(meta) {
    var k1 = meta.bm25[0], k3 = meta.bm25[2], b = meta.bm25[3], minNormLen = meta.bm25[4];
    var lenFactor = meta.totalLength ? 1 / (meta.totalLength / meta.docs) : 0;
    return {
      termWeight: function (termFreq) {
        var tw = (meta.docs - termFreq + 0.5) / (termFreq + 0.5);
        if (tw < 2) tw = tw * 0.5 + 1;
        var w = Math.log(tw);
        w *= (k3 + 1) * 1 / (k3 + 1);  // within-query frequency 1
        return w * (k1 + 1);
      },
      part: function (termWeight, wdf, length) {
        var normLen = Math.max(length * lenFactor, minNormLen);
        return termWeight * (wdf / (k1 * (normLen * b + (1 - b)) + wdf));
      }
    };
  }

  // Weights equal to 9 decimals rank alike, as in generator/search/searcher.cc.
  function rounded(w) { return w === 0 ? 0 : Math.round(w * 1e9) / 1e9; }

  var TYPES = [['report', '报告'], ['issue', '问题'], ['measure', '整改措施']];
  var FACETS = ['type', 'unit', 'topic', 'year', 'kind', 'regulation'];

  // ---- The engine over one site's index; `load(name)` gives a promise of
  // the data of search/static/<name>.js.

  function createEngine(load) {
    var cache = {};
    function get(name) {
      if (!cache[name]) cache[name] = Promise.resolve(load(name));
      return cache[name];
    }
    var parsedBlocks = {};

    // A term's dictionary entry ([df, list] or [df, pack, offset, length]),
    // or null. Bigrams and trigrams sit in the shard of their first two
    // characters, so a word's trigrams come with its bigrams.
    function entry(meta, term) {
      var cps = Array.from(term);
      var shard = termHash(cps.slice(0, 2)) % meta.shards;
      return get('t/' + shard).then(function (dict) {
        return Object.prototype.hasOwnProperty.call(dict, term) ? dict[term] : null;
      });
    }
    function listCost(e) { return e.length === 2 ? e[1].length : e[3]; }
    function list(e, length) {
      if (e.length === 2) return Promise.resolve(decodeList(e[1], length));
      return get('p/' + e[1]).then(function (pack) {
        return decodeList(pack.substr(e[2], e[3]), length);
      });
    }

    // Document blocks: per document its length, type, report, regulations;
    // per report its date, kind, units (with ancestors) and topics.
    function block(meta, b) {
      if (parsedBlocks[b]) return Promise.resolve(parsedBlocks[b]);
      return get('d/' + b).then(function (data) {
        var n = numbers(data), i = 0, docs = [], doc = meta.blocks[b];
        var report = b * meta.blockReports;
        while (i < n.length) {
          var issues = n[i++], measures = n[i++], date = n[i++], kind = n[i++];
          var units = n.slice(i + 1, i + 1 + n[i]); i += 1 + n[i];
          var topics = n.slice(i + 1, i + 1 + n[i]); i += 1 + n[i];
          var group = { report: report++, date: date, kind: kind - 1, units: units, topics: topics };
          for (var k = 0; k < 1 + issues + measures; k++) {
            var length = n[i++];
            var regs = n.slice(i + 1, i + 1 + n[i]); i += 1 + n[i];
            docs.push({
              id: doc++, length: length, regulations: regs, group: group, index: k,
              type: k === 0 ? 0 : k <= issues ? 1 : 2
            });
          }
        }
        parsedBlocks[b] = { first: meta.blocks[b], docs: docs };
        return parsedBlocks[b];
      });
    }
    function blockOf(meta, doc) {
      var lo = 0, hi = meta.blocks.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (meta.blocks[mid] <= doc) lo = mid; else hi = mid - 1;
      }
      return lo;
    }
    function docInfo(meta, doc) {
      var b = blockOf(meta, doc);
      return block(meta, b).then(function (blk) { return blk.docs[doc - blk.first]; });
    }

    // Dates as the index writes them: 1 + (y - firstYear)*372 + (m-1)*31 + (d-1).
    function year(meta, dateNumber) {
      return dateNumber ? String(meta.firstYear + Math.floor((dateNumber - 1) / 372)) : '';
    }

    // A document's facet values, as filters name them.
    function facetValues(meta, info) {
      var f = meta.facets, g = info.group;
      return {
        type: [TYPES[info.type][0]],
        unit: g.units.map(function (u) { return f.unit[u][0]; }),
        topic: g.topics.map(function (t) { return f.topic[t][0]; }),
        year: g.date ? [year(meta, g.date)] : [],
        kind: g.kind >= 0 ? [f.kind[g.kind]] : [],
        regulation: info.regulations.map(function (r) { return f.regulation[r][0]; })
      };
    }

    // Each facet's values as [value, label], in the order the CLI lists
    // them before sorting by count (years are added newest first).
    function facetOrder(meta) {
      var f = meta.facets;
      var named = function (e) { return [e[0], e[1]]; };
      return {
        type: TYPES, unit: f.unit.map(named), topic: f.topic.map(named), year: [],
        kind: f.kind.map(function (k) { return [k, k]; }), regulation: f.regulation.map(named)
      };
    }

    // The documents holding every word, with each bigram's counts and the
    // first position a long word was found at.
    function match(meta, words) {
      var bigrams = [], singles = [], long = [];
      words.forEach(function (w) {
        var cps = Array.from(w);
        if (cps.length === 1) { singles.push(w); return; }
        for (var i = 0; i + 1 < cps.length; i++) {
          var bg = cps[i] + cps[i + 1];
          if (bigrams.indexOf(bg) < 0) bigrams.push(bg);
        }
        if (cps.length >= 3) long.push(cps);
      });
      var trigramTerms = [];
      long.forEach(function (cps) {
        for (var i = 0; i + 2 < cps.length; i++) trigramTerms.push(cps[i] + cps[i + 1] + cps[i + 2]);
      });
      var terms = bigrams.concat(singles, trigramTerms);
      return Promise.all(terms.map(function (t) { return entry(meta, t); })).then(function (entries) {
        var byTerm = {};
        terms.forEach(function (t, i) { byTerm[t] = entries[i]; });
        if (entries.some(function (e) { return e === null; })) return null;
        // Lists to load: every bigram, every single character, and for each
        // long word its trigram (three characters) or cheapest cover.
        var covers = long.map(function (cps) {
          var tri = [];
          for (var i = 0; i + 2 < cps.length; i++) tri.push(cps[i] + cps[i + 1] + cps[i + 2]);
          var chosen = cps.length === 3 ? [0] : cheapestCover(tri.map(function (t) { return listCost(byTerm[t]); }));
          return chosen.map(function (i) { return { term: tri[i], offset: i }; });
        });
        var needed = bigrams.concat(singles);
        covers.forEach(function (c) { c.forEach(function (t) { if (needed.indexOf(t.term) < 0) needed.push(t.term); }); });
        return Promise.all(needed.map(function (t) { return list(byTerm[t], Array.from(t).length); }))
          .then(function (lists) {
            var byList = {};
            needed.forEach(function (t, i) { byList[t] = lists[i]; });
            return intersect(meta, bigrams, singles, covers, byTerm, byList);
          });
      });
    }

    function intersect(meta, bigrams, singles, covers, byTerm, byList) {
      var all = Object.keys(byList).map(function (t) { return byList[t]; });
      all.sort(function (a, b) { return a.docs.length - b.docs.length; });
      var candidates = all[0].docs.slice();
      for (var k = 1; k < all.length; k++) {
        var docs = all[k].docs, next = [], j = 0;
        for (var i = 0; i < candidates.length; i++) {
          while (j < docs.length && docs[j] < candidates[i]) j++;
          if (j < docs.length && docs[j] === candidates[i]) next.push(candidates[i]);
        }
        candidates = next;
      }
      var found = [];
      candidates.forEach(function (doc) {
        var first = -1;
        for (var c = 0; c < covers.length; c++) {
          var at = coverPosition(covers[c], byList, doc);
          if (at < 0) return;
          if (first < 0 || at < first) first = at;
        }
        found.push({ doc: doc, first: first });
      });
      var weights = bigrams.map(function (t) { return { term: t, df: byTerm[t][0], list: byList[t] }; });
      weights.sort(function (a, b) { return a.df - b.df; });  // Xapian sums rarest first
      return { found: found, weights: weights };
    }

    // The first position where a long word's cover trigrams line up, or -1.
    function coverPosition(cover, byList, doc) {
      var sets = cover.map(function (t) {
        var l = byList[t.term], i = find(l.docs, doc);
        return l.positions.slice(l.starts[i], l.starts[i + 1]);
      });
      var base = sets[0], offset0 = cover[0].offset;
      for (var i = 0; i < base.length; i++) {
        var start = base[i] - offset0, ok = true;
        for (var k = 1; k < cover.length && ok; k++) {
          ok = sets[k].indexOf(start + cover[k].offset) >= 0;
        }
        if (ok) return start;
      }
      return -1;
    }

    // ---- Text of a document, for snippets: pieces of search/static/x/.
    function piece(k) {
      return get('x/' + k).then(function (s) {
        if (typeof s === 'string') cache['x/' + k] = Promise.resolve(Array.from(s));
        return cache['x/' + k];
      });
    }
    function streamSlice(meta, from, to) {
      var P = meta.textPiece, ks = [];
      for (var k = Math.floor(from / P); k * P < to; k++) ks.push(k);
      return Promise.all(ks.map(piece)).then(function (parts) {
        var out = [];
        parts.forEach(function (chars, i) {
          var base = ks[i] * P;
          for (var c = Math.max(from, base); c < Math.min(to, base + chars.length); c++) out.push(chars[c - base]);
        });
        return out;
      });
    }
    // Where a document's text is: its title line (items whose text is their
    // title and a part of the report's) and a range of the text stream.
    function textRef(report, index) {
      if (index === 0) return { head: [], start: report[5], length: report[6] };
      var item = report[7][index - 1];
      if (item.length === 5) {
        return { head: Array.from(item[4] + '\n'), start: item[2], length: item[3] };
      }
      return { head: [], start: item[2], length: item[3] };
    }
    function docSlice(meta, ref, from, to) {
      var head = ref.head.slice(from, to);
      var s = Math.max(from, ref.head.length) - ref.head.length;
      var e = Math.min(to - ref.head.length, ref.length);
      if (e <= s) return Promise.resolve(head);
      return streamSlice(meta, ref.start + s, ref.start + e).then(function (rest) { return head.concat(rest); });
    }

    // The first occurrence of any word from `from`, reading piece by piece
    // (at most `limit` code points); -1 if none.
    function scanFirst(meta, ref, words, limit) {
      var total = ref.head.length + ref.length, step = meta.textPiece;
      var longest = Math.max.apply(null, words.map(function (w) { return Array.from(w).length; }));
      function from(at) {
        if (at >= Math.min(total, limit)) return Promise.resolve(-1);
        var end = Math.min(total, at + step + longest - 1);
        return docSlice(meta, ref, at, end).then(function (chars) {
          var text = chars.join(''), best = -1;
          words.forEach(function (w) {
            var p = text.indexOf(w);
            if (p >= 0) {
              var cp = Array.from(text.slice(0, p)).length;
              if (best < 0 || cp < best) best = cp;
            }
          });
          return best >= 0 ? at + best : from(at + step);
        });
      }
      return from(0);
    }

    // The CLI's snippet (generator/search/searcher.cc): around the first
    // match, up to 40 characters before it and 80 after, within its line.
    // Returns [{text, mark}] parts.
    function snippet(meta, ref, words, first) {
      var total = ref.head.length + ref.length;
      var anchor = first >= 0 ? Promise.resolve(first) : scanFirst(meta, ref, words, 3 * meta.textPiece);
      return anchor.then(function (at) {
        if (at < 0) at = 0;
        var from = Math.max(0, at - 41), to = Math.min(total, at + 81);
        return docSlice(meta, ref, from, to).then(function (chars) {
          var rel = at - from, start = Math.max(0, rel - 40);
          for (var i = rel - 1; i >= start; i--) if (chars[i] === '\n') { start = i + 1; break; }
          var lineEnd = chars.length;
          for (var j = rel; j < chars.length; j++) if (chars[j] === '\n') { lineEnd = j; break; }
          var end = Math.min(lineEnd, rel + 80);
          var window = chars.slice(start, end).join('');
          var parts = [];
          if (start > 0 && chars[start - 1] !== '\n') parts.push({ text: '…' });
          var pos = 0;
          while (pos < window.length) {
            var best = -1, len = 0;
            words.forEach(function (w) {
              var p = window.indexOf(w, pos);
              if (p >= 0 && (best < 0 || p < best || (p === best && w.length > len))) { best = p; len = w.length; }
            });
            if (best < 0) { parts.push({ text: window.slice(pos) }); break; }
            if (best > pos) parts.push({ text: window.slice(pos, best) });
            parts.push({ text: window.slice(best, best + len), mark: true });
            pos = best + len;
          }
          if (end < chars.length && chars[end] !== '\n') parts.push({ text: '…' });
          return parts;
        });
      });
    }

    // ---- A search. request: {query, filters: {facet: [values]}, sort:
    // 'relevance' | 'date', offset, limit}. Facet counts: for each facet,
    // over the results of the query and of the other facets' filters (so a
    // count says what choosing that value gives, OR within a facet).
    function search(request) {
      var words = queryWords(request.query || '');
      var filters = request.filters || {};
      var offset = request.offset || 0, limit = request.limit || 10;
      return get('meta').then(function (meta) {
        if (!words.length) return { error: 'no-words', words: [] };
        return match(meta, words).then(function (m) {
          var response = { words: words, total: 0, hits: [], facets: {} };
          FACETS.forEach(function (f) { response.facets[f] = []; });
          if (!m || !m.found.length) return response;
          var blocks = {};
          m.found.forEach(function (f) { blocks[blockOf(meta, f.doc)] = true; });
          return Promise.all(Object.keys(blocks).map(function (b) { return block(meta, +b); }))
            .then(function () { return finish(meta, m, words, filters, request, offset, limit, response); });
        });
      });
    }

    function finish(meta, m, words, filters, request, offset, limit, response) {
      var chosen = {};
      FACETS.forEach(function (f) {
        if (filters[f] && filters[f].length) chosen[f] = filters[f];
      });
      var counts = {};
      FACETS.forEach(function (f) { counts[f] = {}; });
      var tw = bm25(meta);
      var termWeights = m.weights.map(function (w) { return tw.termWeight(w.df); });
      var results = [];
      var infos = m.found.map(function (f) {
        var b = blockOf(meta, f.doc), blk = parsedBlocks[b];
        return blk.docs[f.doc - blk.first];
      });
      m.found.forEach(function (f, n) {
        var info = infos[n], values = facetValues(meta, info), failed = [];
        Object.keys(chosen).forEach(function (facet) {
          var ok = values[facet].some(function (v) { return chosen[facet].indexOf(v) >= 0; });
          if (!ok) failed.push(facet);
        });
        if (failed.length > 1) return;
        FACETS.forEach(function (facet) {
          if (failed.length === 1 && failed[0] !== facet) return;
          values[facet].forEach(function (v) { counts[facet][v] = (counts[facet][v] || 0) + 1; });
        });
        if (failed.length) return;
        var weight = 0;
        m.weights.forEach(function (w, i) {
          var at = find(w.list.docs, f.doc);
          weight += tw.part(termWeights[i], w.list.counts[at], info.length);
        });
        results.push({ doc: f.doc, first: f.first, info: info, weight: weight });
      });
      var byDate = request.sort === 'date';
      results.sort(function (a, b) {
        if (byDate && a.info.group.date !== b.info.group.date) return b.info.group.date - a.info.group.date;
        var wa = rounded(a.weight), wb = rounded(b.weight);
        if (wa !== wb) return wb - wa;
        return a.doc - b.doc;
      });
      var order = facetOrder(meta);
      FACETS.forEach(function (facet) {
        var list = [];
        order[facet].forEach(function (e) {
          if (counts[facet][e[0]]) list.push({ value: e[0], label: e[1], count: counts[facet][e[0]] });
        });
        if (facet === 'year') {
          Object.keys(counts.year).sort().reverse().forEach(function (y) {
            list.push({ value: y, label: y, count: counts.year[y] });
          });
        }
        // Array.prototype.sort is stable: equal counts keep the facet's order.
        list.sort(function (a, b) { return b.count - a.count; });
        // A chosen value is listed even when nothing has it, so it can be unchosen.
        (chosen[facet] || []).forEach(function (v) {
          if (list.some(function (e) { return e.value === v; })) return;
          var known = order[facet].filter(function (e) { return e[0] === v; })[0];
          list.push({ value: v, label: known ? known[1] : v, count: 0 });
        });
        response.facets[facet] = list;
      });
      response.total = results.length;
      var page = results.slice(offset, offset + limit);
      var withSnippets = request.snippets !== false;
      return Promise.all(page.map(function (r) { return hit(meta, r, words, withSnippets); })).then(function (hits) {
        response.hits = hits;
        return response;
      });
    }

    function hit(meta, r, words, withSnippet) {
      var g = r.info.group;
      return get('r/' + Math.floor(g.report / meta.chunkReports)).then(function (chunk) {
        var report = chunk[g.report % meta.chunkReports];
        var item = r.info.index > 0 ? report[7][r.info.index - 1] : null;
        var ref = textRef(report, r.info.index);
        var parts = withSnippet ? snippet(meta, ref, words, r.first) : Promise.resolve([]);
        return parts.then(function (parts) {
          return {
            key: item ? report[0] + '#' + item[0] : report[0],
            type: TYPES[r.info.type][0],
            title: item ? item[1] : report[1],
            url: item ? report[2] + '#' + item[0] : report[2],
            date: report[3],
            units: report[4],
            weight: r.weight,
            snippet: parts
          };
        });
      });
    }

    return { search: search, meta: function () { return get('meta'); } };
  }

  // Loads search/static/<name>.js files with <script> elements from `base`.
  function scriptLoader(base, doc) {
    var waiting = {};
    root.dossierSearch = {
      add: function (name, data) {
        if (waiting[name]) { waiting[name](data); delete waiting[name]; }
      }
    };
    return function (name) {
      return new Promise(function (resolve, reject) {
        var s = doc.createElement('script');
        waiting[name] = resolve;
        s.src = base + name + '.js';
        s.async = true;
        s.onload = function () {
          s.remove();
          if (waiting[name]) { delete waiting[name]; reject(new Error('the search index file ' + name + '.js is damaged')); }
        };
        s.onerror = function () {
          s.remove();
          delete waiting[name];
          reject(new Error('cannot load the search index file ' + name + '.js'));
        };
        doc.head.appendChild(s);
      });
    };
  }

  var api = {
    normalize: normalize,
    queryWords: queryWords,
    numbers: numbers,
    termHash: termHash,
    decodeList: decodeList,
    cheapestCover: cheapestCover,
    isWordChar: function (c) { return WORD_CHAR.test(c); },
    createEngine: createEngine,
    scriptLoader: scriptLoader
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.dossierSearchEngine = api;
})(typeof window !== 'undefined' ? window : globalThis);
