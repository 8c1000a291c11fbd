// search-engine.js: the browser search of a dossier site (docs/search.md,
// "Browser index"). Over the files search-index.js reads, it finds the
// documents whose text holds every query word as written, ranks them with
// BM25 exactly as the Xapian index does, counts facets and cuts highlighted
// snippets as `dossier search` does. No DOM here: node runs it in tests.
(function (root) {
  'use strict';

  var index = typeof module === 'object' && module.exports ? require('./search-index.js') : root.dossierSearchIndex;

  // ---- Text: the same normalisation and words as generator/index/search_text.cc

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

  function normalize(text) {
    return text.replace(WORD, function (w) { return w.normalize('NFKC').toLowerCase(); });
  }

  // A query's words, normalised: runs of letters, marks and digits. A query
  // of common ideographs, ASCII letters and digits between white space is
  // split without WORD, whose Unicode classes take a browser milliseconds
  // to compile (NFKC leaves these characters alone).
  var PLAIN = /^[\u4e00-\u9fa5A-Za-z0-9\s]*$/;
  function queryWords(query) {
    if (PLAIN.test(query)) return query.toLowerCase().split(/\s+/).filter(Boolean);
    return normalize(query).match(WORD) || [];
  }

  // The trigrams to check a word of four or more characters with: each
  // character, and each bigram, in one of them (the trigrams' lists count
  // the bigrams for BM25), at the least cost (characters of lists to load).
  // Chosen trigrams start at most two apart.
  function cheapestCover(costs) {
    var best = [], from = [];
    for (var i = 0; i < costs.length; i++) {
      best.push(Infinity);
      from.push(-1);
      if (i === 0) { best[0] = costs[0]; continue; }
      for (var j = Math.max(0, i - 2); j < i; j++) {
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

  function intersectSorted(a, b) {
    var out = [], j = 0, nb = b.length;
    for (var i = 0; i < a.length; i++) {
      var x = a[i];
      while (j < nb && b[j] < x) j++;
      if (j === nb) break;
      if (b[j] === x) out.push(x);
    }
    return out;
  }

  var TYPES = [['report', '报告'], ['issue', '问题'], ['measure', '整改措施']];
  var FACETS = ['type', 'unit', 'topic', 'year', 'kind', 'regulation'];

  // ---- The engine over one site's index; `load(name)` gives (a promise of)
  // the data of search/static/<name>.js. What it loads and decodes is kept
  // for the searches that follow, up to `limits`: the characters of the
  // list packs and text pieces loaded, the bytes of the lists decoded.
  // Past a limit, the next search or prefetch starts by letting them go
  // (a long session on a large archive), and loads them again if asked.
  var LIMITS = { chars: 1 << 24, bytes: 1 << 25 };  // 16 Mi characters, 32 MiB
  function createEngine(load, limits) {
    limits = limits || LIMITS;
    var cache = {}, blocks = {}, facetNames = null;
    var sizes = {}, chars = 0;  // the packs and pieces loaded: their characters
    var lists = {}, bytes = 0;  // the lists decoded, by term: their typed arrays' bytes
    function get(name) {
      if (!cache[name]) {
        cache[name] = Promise.resolve(load(name));
        if (/^[px]\//.test(name)) {
          cache[name].then(function (data) {
            sizes[name] = data.length;
            chars += data.length;
          }, function () {});
        }
      }
      return cache[name];
    }
    function trim() {
      if (chars > limits.chars) {
        Object.keys(sizes).forEach(function (name) { delete cache[name]; });
        sizes = {};
        chars = 0;
      }
      if (bytes > limits.bytes) {
        lists = {};
        bytes = 0;
      }
    }

    // A term's dictionary entry ([df, list], or [df, pack, offset, length,
    // blocks?] for a long list; a trigram's with `bigramDfs`, the documents
    // holding its first and its second bigram, which the shard has after
    // its df), or null. Bigrams and trigrams sit in the shard of their
    // first two characters.
    function entry(meta, term) {
      var cps = Array.from(term), shard = index.termHash(cps.slice(0, 2)) % meta.shards;
      return get('t/' + shard).then(function (dict) {
        if (!Object.prototype.hasOwnProperty.call(dict, term)) return null;
        var e = dict[term];
        if (cps.length !== 3) return e;
        var out = [e[0]].concat(e.slice(3));
        out.bigramDfs = [e[1], e[2]];
        return out;
      });
    }
    function listCost(e) { return e.length === 2 ? e[1].length : e[3]; }
    // A term's list, decoded once: a short one from its entry (e[1]), at
    // once; a long one from its pack, as a promise.
    function listOf(term, e) {
      if (!lists[term]) {
        var length = Array.from(term).length;
        var decode = function (payload) {
          var list = index.decodeList(payload, length);
          bytes += list.docs.buffer.byteLength + list.counts.buffer.byteLength + list.positions.buffer.byteLength +
            list.starts.buffer.byteLength + (list.bigramCounts ? 2 * list.docs.buffer.byteLength : 0);
          return list;
        };
        lists[term] = e.length === 2 ? decode(e[1])
          : get('p/' + e[1]).then(function (pack) { return decode(pack.substr(e[2], e[3])); });
      }
      return lists[term];
    }

    function blockOf(meta, doc) {
      var lo = 0, hi = meta.blocks.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (meta.blocks[mid] <= doc) lo = mid; else hi = mid - 1;
      }
      return lo;
    }
    // A block's first half is read when it comes, its second (facets) when
    // first needed: a query's results show without it.
    function loadBlock(meta, b) {
      if (!blocks[b]) {
        blocks[b] = get('d/' + b).then(function (data) {
          var end = b + 1 < meta.blocks.length ? meta.blocks[b + 1] : meta.docs;
          blocks[b] = index.parseBlock(data[0], meta.blocks[b], b * meta.blockReports, end - meta.blocks[b],
                                        meta.countBase);
          blocks[b].facetData = data[1];
          return blocks[b];
        });
      }
      return Promise.resolve(blocks[b]);
    }
    // A loaded block, its facets read.
    function withFacets(meta, blk) {
      if (blk.facetData !== null) {
        index.parseBlockFacets(blk, blk.facetData, meta.facets.kind.length);
        blk.facetData = null;
      }
      return blk;
    }
    // The loaded block holding a document.
    function blockAt(meta, doc) { return blocks[blockOf(meta, doc)]; }
    // An index of one block (up to 16,384 reports) needs it for any result:
    // it is asked for at once, with the dictionary or before a search (a
    // round sooner: 4 to 6 ms at 1,000 reports, paired runs from file://).
    function loadOnlyBlock(meta) {
      return meta.blocks.length === 1 ? loadBlock(meta, 0) : Promise.resolve();
    }

    // ---- Matching: the terms of the words, their lists, and the
    // documents where every word occurs. `bigrams`: every bigram of the
    // words, which BM25 weighs; `pairs`: the two-character words, whose
    // bigram lists are loaded (a longer word's bigrams are counted in its
    // trigrams' lists).
    function termsOf(words) {
      var q = { bigrams: [], singles: [], long: [], exact: [] };
      words.forEach(function (w) {
        var cps = Array.from(w);
        if (cps.length === 1) { q.singles.push(w); q.exact.push(w); return; }
        if (cps.length === 2 && q.exact.indexOf(w) < 0) q.exact.push(w);
        for (var i = 0; i + 1 < cps.length; i++) {
          var bg = cps[i] + cps[i + 1];
          if (q.bigrams.indexOf(bg) < 0) q.bigrams.push(bg);
        }
        if (cps.length >= 3) {
          var tri = [];
          for (var k = 0; k + 2 < cps.length; k++) tri.push(cps[k] + cps[k + 1] + cps[k + 2]);
          q.long.push(tri);
        }
      });
      q.pairs = q.exact.filter(function (w) { return Array.from(w).length === 2; });
      q.all = q.pairs.concat(q.singles, [].concat.apply([], q.long));
      return q;
    }

    // The blocks that may hold results: those of every needed list (a short
    // list, decoded already, says; a long one's entry names its blocks), so
    // they load while the long lists do.
    function likelyBlocks(meta, needed, byTerm, short) {
      var out = null;
      needed.forEach(function (t) {
        var e = byTerm[t], these;
        if (short[t]) {
          these = [];
          short[t].docs.forEach(function (d) {
            var b = blockOf(meta, d);
            if (these[these.length - 1] !== b) these.push(b);
          });
        } else {
          these = index.entryBlocks(e);
        }
        if (these) out = out ? intersectSorted(out, these) : these;
      });
      return out || meta.blocks.map(function (_, b) { return b; });
    }

    // The lists the words need, and the blocks they name, loaded: every
    // two-character word's bigram and single character, and for each long
    // word its trigram (three characters) or cheapest cover. Null when a
    // term is in no document.
    function loadLists(meta, words) {
      var q = termsOf(words);
      loadOnlyBlock(meta);
      return Promise.all(q.all.map(function (t) { return entry(meta, t); })).then(function (entries) {
        if (entries.some(function (e) { return e === null; })) return null;
        var byTerm = {};
        q.all.forEach(function (t, i) { byTerm[t] = entries[i]; });
        var covers = q.long.map(function (tri) {
          var chosen = tri.length === 1 ? [0] : cheapestCover(tri.map(function (t) { return listCost(byTerm[t]); }));
          return chosen.map(function (i) { return { term: tri[i], offset: i, entry: byTerm[tri[i]] }; });
        });
        var needed = q.pairs.concat(q.singles);
        covers.forEach(function (c) { c.forEach(function (t) { if (needed.indexOf(t.term) < 0) needed.push(t.term); }); });
        var loading = needed.map(function (t) { return listOf(t, byTerm[t]); });
        var short = {};  // the lists written in their entries, decoded already
        needed.forEach(function (t, i) { if (byTerm[t].length === 2) short[t] = loading[i]; });
        var likely = likelyBlocks(meta, needed, byTerm, short).map(function (b) { return loadBlock(meta, b); });
        return Promise.all(loading).then(function (loaded) {
          var byList = {};
          needed.forEach(function (t, i) { byList[t] = loaded[i]; });
          return { q: q, covers: covers, byTerm: byTerm, byList: byList, likely: likely };
        });
      });
    }

    function match(meta, words) {
      return loadLists(meta, words).then(function (l) {
        if (!l) return null;
        var m = intersect(l.q, l.covers, l.byTerm, l.byList);
        var more = [];  // the blocks of the documents found (they come in order)
        m.found.forEach(function (doc) {
          var b = blockOf(meta, doc);
          if (more[more.length - 1] !== b) more.push(b);
        });
        return Promise.all(l.likely.concat(more.map(function (b) { return loadBlock(meta, b); }))).then(function () { return m; });
      });
    }

    // The documents holding every word: those in the lists that decide (a
    // character word's list, a two-character word's bigram, a longer word's
    // cover trigrams; a bigram of a longer word holds all of them anyway)
    // where each long word's cover lines up.
    function intersect(q, covers, byTerm, byList) {
      var deciding = q.exact.slice();
      covers.forEach(function (c) {
        c.forEach(function (t) {
          t.list = byList[t.term];
          if (deciding.indexOf(t.term) < 0) deciding.push(t.term);
        });
      });
      var all = deciding.map(function (t) { return byList[t].docs; });
      all.sort(function (a, b) { return a.length - b.length; });
      var candidates = all[0];
      for (var k = 1; k < all.length; k++) candidates = intersectSorted(candidates, all[k]);
      var cursors = covers.map(function (c) { return new Int32Array(c.length); });
      var found = new Int32Array(candidates.length), firsts = new Int32Array(candidates.length), nf = 0;
      for (var n = 0; n < candidates.length; n++) {
        var doc = candidates[n], first = -1, at = 0;
        for (var c = 0; c < covers.length && at >= 0; c++) {
          at = coverPosition(covers[c], cursors[c], doc);
          if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        if (at >= 0) {
          found[nf] = doc;
          firsts[nf++] = first;
        }
      }
      var weights = q.bigrams.map(function (t) {
        return q.pairs.indexOf(t) >= 0 ? { df: byTerm[t][0], list: byList[t] } : countedIn(covers, t);
      });
      weights.sort(function (a, b) { return a.df - b.df; });  // Xapian sums rarest first
      // found[k]: a document holding every word; firsts[k]: where the
      // first long word starts in its text (-1: no long word).
      return { found: found.subarray(0, nf), firsts: firsts.subarray(0, nf), weights: weights };
    }

    // A long word's bigram, weighed from a cover trigram holding it: the
    // documents the trigram's list has (every match holds it) with the
    // bigram's counts there.
    function countedIn(covers, bigram) {
      for (var c = 0; c < covers.length; c++) {
        for (var k = 0; k < covers[c].length; k++) {
          var t = covers[c][k], cps = Array.from(t.term);
          for (var slot = 0; slot < 2; slot++) {
            if (cps[slot] + cps[slot + 1] !== bigram) continue;
            return { df: t.entry.bigramDfs[slot], list: { docs: t.list.docs, counts: t.list.bigramCounts[slot] } };
          }
        }
      }
      throw new Error('no trigram of the cover holds ' + bigram);
    }

    // The first position where a long word's cover trigrams line up in
    // `doc`, or -1. Documents come in order: `cursors` keep each trigram's
    // place in its list.
    function coverPosition(cover, cursors, doc) {
      for (var k = 0; k < cover.length; k++) {
        var docs = cover[k].list.docs, at = cursors[k];
        while (docs[at] < doc) at++;
        cursors[k] = at;
      }
      var base = cover[0].list, i0 = cursors[0];
      for (var p = base.starts[i0]; p < base.starts[i0 + 1]; p++) {
        var start = base.positions[p] - cover[0].offset, ok = true;
        for (var t = 1; t < cover.length && ok; t++) {
          var l = cover[t].list, i = cursors[t], want = start + cover[t].offset;
          ok = false;
          for (var j = l.starts[i]; j < l.starts[i + 1] && !ok; j++) ok = l.positions[j] === want;
        }
        if (ok) return start;
      }
      return -1;
    }

    // ---- Facets: values by index; filters and counts.
    function names(meta) {
      if (facetNames) return facetNames;
      var f = meta.facets, slugs = function (list) {
        var m = {};
        list.forEach(function (e, i) { m[e[0]] = i; });
        return m;
      };
      var kinds = {};
      f.kind.forEach(function (k, i) { kinds[k] = i; });
      facetNames = {
        index: { type: { report: 0, issue: 1, measure: 2 }, unit: slugs(f.unit), topic: slugs(f.topic), kind: kinds, regulation: slugs(f.regulation) },
        // Each facet's [value, label], in the order `dossier search` lists them.
        order: {
          type: TYPES, unit: f.unit, topic: f.topic, kind: f.kind.map(function (k) { return [k, k]; }), regulation: f.regulation
        }
      };
      return facetNames;
    }
    // Years from firstYear to the last of the loaded blocks' dates.
    function yearSpan(meta) {
      var last = 0;
      Object.keys(blocks).forEach(function (b) {
        var dates = blocks[b].date || [];
        for (var g = 0; g < dates.length; g++) if (dates[g] > last) last = dates[g];
      });
      return last ? yearOf(meta, last) - meta.firstYear + 1 : 0;
    }
    function yearOf(meta, dateNumber) { return dateNumber ? meta.firstYear + Math.floor((dateNumber - 1) / 372) : 0; }
    // The values of facet f (in FACETS order: 1 unit, 2 topic, 3 year,
    // 4 kind) of group g as an Int32Array with the range [from, to) of it
    // that holds them, into the reused `v`.
    function groupFacet(blk, g, f, v) {
      if (f <= 2) {
        var at = f === 1 ? blk.units[g] : blk.topics[g];
        v.arrays[f] = blk.values;
        v.from[f] = at + 1;
        v.to[f] = at + 1 + blk.values[at];
      } else {
        var one = f === 3 ? blk.year : blk.kind;
        v.arrays[f] = one;
        v.from[f] = g;
        v.to[f] = one[g] >= 0 ? g + 1 : g;
      }
    }
    // A document's values of each facet (in FACETS order), as groupFacet.
    var TYPE_VALUES = [Int32Array.of(0), Int32Array.of(1), Int32Array.of(2)];
    function docValues(blk, i, v) {
      v.arrays[0] = TYPE_VALUES[blk.type[i]];
      v.from[0] = 0;
      v.to[0] = 1;
      for (var f = 1; f <= 4; f++) groupFacet(blk, blk.group[i], f, v);
      v.arrays[5] = blk.regs;
      v.from[5] = blk.regStart[i];
      v.to[5] = blk.regStart[i + 1];
    }
    // The chosen values of each filtered facet, as indexes (years counted from firstYear).
    function chosenValues(meta, filters) {
      var n = names(meta), chosen = {};
      FACETS.forEach(function (f) {
        var values = filters[f] || [];
        if (!values.length) return;
        chosen[f] = values.map(function (v) {
          if (f === 'year') return /^\d{4}$/.test(v) ? Number(v) - meta.firstYear : -1;
          return Object.prototype.hasOwnProperty.call(n.index[f], v) ? n.index[f][v] : -1;
        });
      });
      return chosen;
    }
    function facetLists(meta, counts, chosen, filters) {
      var n = names(meta), out = {};
      FACETS.forEach(function (facet) {
        var list = [], c = counts[facet] || {};
        if (facet === 'year') {
          Object.keys(c).sort().reverse().forEach(function (y) { list.push({ value: y, label: y, count: c[y] }); });
        } else {
          n.order[facet].forEach(function (e, i) { if (c[i]) list.push({ value: e[0], label: e[1], count: c[i] }); });
        }
        list.sort(function (a, b) { return b.count - a.count; });  // stable: ties keep the order
        // A chosen value is listed even when nothing has it, so it can be unchosen.
        (chosen[facet] ? filters[facet] : []).forEach(function (v) {
          if (list.some(function (e) { return e.value === v; })) return;
          var known = facet === 'year' ? null : n.order[facet][n.index[facet][v]];
          list.push({ value: v, label: known ? known[1] : v, count: 0 });
        });
        out[facet] = list;
      });
      return out;
    }

    // The filters of a request: the chosen values by facet name, and the
    // filtered facets (FACETS indexes) with their chosen values.
    function filtering(meta, request) {
      var filters = request.filters || {}, chosen = chosenValues(meta, filters), out = { filters: filters, chosen: chosen, facets: [], wanted: [] };
      FACETS.forEach(function (f, i) {
        if (chosen[f]) {
          out.facets.push(i);
          out.wanted.push(chosen[f]);
        }
      });
      return out;
    }
    function facetValues() { return { arrays: [], from: new Int32Array(6), to: new Int32Array(6) }; }
    // Which filter document i of blk fails: 6 when none, the facet (FACETS
    // index) when only that one, -1 when two or more.
    function failing(blk, i, v, fl) {
      docValues(blk, i, v);
      var failed = 6;
      for (var c = 0; c < fl.facets.length; c++) {
        var f = fl.facets[c], has = v.arrays[f], want = fl.wanted[c], ok = false;
        for (var k = v.from[f]; k < v.to[f] && !ok; k++) ok = want.indexOf(has[k]) >= 0;
        if (ok) continue;
        if (failed !== 6) return -1;
        failed = f;
      }
      return failed;
    }

    // Ranking over the matched documents: those that pass the filters,
    // weighed, and the page of them asked for. Plain loops over typed
    // arrays: this runs once per search, before the browser has compiled
    // it, over every matched document; only the page's results become
    // objects. The blocks' facets are read only to filter or sort by date.
    function rank(meta, m, request, fl) {
      var byDate = request.sort === 'date', facets = fl.facets.length || byDate;
      var tw = bm25(meta), weights = m.weights, nw = weights.length;
      var termWeights = weights.map(function (w) { return tw.termWeight(w.df); });
      var cursors = new Int32Array(nw);  // found documents come in order
      var v = facetValues();
      var found = m.found, nk = 0, kept = new Int32Array(found.length);  // indexes into found
      var weightOf = new Float64Array(found.length), roundedOf = new Float64Array(found.length);
      var dateOf = new Int32Array(found.length);
      for (var n = 0, blk = null; n < found.length; n++) {
        var doc = found[n];
        if (!blk || doc >= blk.first + blk.count) {
          blk = blockAt(meta, doc);
          if (facets) withFacets(meta, blk);
        }
        var i = doc - blk.first;
        if (fl.facets.length && failing(blk, i, v, fl) !== 6) continue;
        var weight = 0, length = blk.length[i];
        for (var t = 0; t < nw; t++) {
          var docs = weights[t].list.docs, at = cursors[t];
          while (docs[at] < doc) at++;
          cursors[t] = at;
          weight += tw.part(termWeights[t], weights[t].list.counts[at], length);
        }
        kept[nk] = n;
        if (byDate) dateOf[nk] = blk.date[blk.group[i]];
        weightOf[nk] = weight;
        roundedOf[nk++] = rounded(weight);
      }
      return {
        total: nk,
        page: bestOf(meta, m, { kept: kept, weightOf: weightOf, roundedOf: roundedOf, dateOf: dateOf, count: nk }, byDate, request.offset || 0, request.limit || 10)
      };
    }

    // Facet counts: for each facet, over the documents that pass the query
    // and the other facets' filters (a count says what choosing a value
    // gives). A group's facets (unit, topic, year, kind) are counted once
    // per group, by how many of its documents count.
    function countFacets(meta, m, fl) {
      var found = m ? m.found : [];
      if (found.length) {
        for (var b = blockOf(meta, found[0]); b <= blockOf(meta, found[found.length - 1]); b++) {
          if (blocks[b] && blocks[b].groupFirst) withFacets(meta, blocks[b]);
        }
      }
      var known = meta.facets;
      var counts = [TYPES.length, known.unit.length, known.topic.length, yearSpan(meta), known.kind.length, known.regulation.length]
        .map(function (size) { return new Int32Array(size); });
      var v = facetValues();
      // Of the current group (g of block gBlk): [f] its documents failing
      // only facet f's filter, [6] those failing none.
      var g = -1, gBlk = null, tally = new Int32Array(7);
      function countGroup() {
        for (var f = 1; f <= 4; f++) {
          var counted = tally[6] + tally[f], count = counts[f];
          if (!counted) continue;
          groupFacet(gBlk, g, f, v);
          for (var j = v.from[f], values = v.arrays[f]; j < v.to[f]; j++) count[values[j]] += counted;
        }
        tally.fill(0);
      }
      for (var n = 0, blk = null; n < found.length; n++) {
        var doc = found[n];
        if (!blk || doc >= blk.first + blk.count) blk = blockAt(meta, doc);
        var i = doc - blk.first;
        if (blk.group[i] !== g || blk !== gBlk) {
          if (gBlk) countGroup();
          g = blk.group[i];
          gBlk = blk;
        }
        var failed = fl.facets.length ? failing(blk, i, v, fl) : 6;
        if (failed < 0) continue;
        tally[failed]++;
        if (failed === 6 || failed === 0) counts[0][blk.type[i]]++;
        if (failed === 6 || failed === 5)
          for (var r = blk.regStart[i]; r < blk.regStart[i + 1]; r++) counts[5][blk.regs[r]]++;
      }
      if (gBlk) countGroup();
      var byName = {}, years = {};
      FACETS.forEach(function (f, i) { byName[f] = counts[i]; });
      counts[3].forEach(function (c, y) { if (c) years[meta.firstYear + y] = c; });
      byName.year = years;
      return facetLists(meta, byName, fl.chosen, fl.filters);
    }

    // The results [offset, offset + limit) of the ranking: by date when
    // asked (newest first), then by weight, then by document. Kept in a
    // short sorted list while the documents pass (most fall behind its
    // last at once); a deep page sorts them all.
    function bestOf(meta, m, ranked, byDate, offset, limit) {
      var kept = ranked.kept, roundedOf = ranked.roundedOf, dates = ranked.dateOf, nk = ranked.count;
      function before(a, b) {
        if (byDate && dates[a] !== dates[b]) return dates[a] > dates[b];
        if (roundedOf[a] !== roundedOf[b]) return roundedOf[a] > roundedOf[b];
        return a < b;
      }
      var want = Math.min(nk, offset + limit), order = [];
      if (want > 200) {
        for (var y = 0; y < nk; y++) order.push(y);
        order.sort(function (a, b) { return before(a, b) ? -1 : 1; });
      } else {
        for (var z = 0; z < nk && want; z++) {
          if (order.length === want && !before(z, order[want - 1])) continue;
          var lo = 0, hi = order.length;
          while (lo < hi) {
            var mid = (lo + hi) >> 1;
            if (before(z, order[mid])) hi = mid; else lo = mid + 1;
          }
          order.splice(lo, 0, z);
          if (order.length > want) order.pop();
        }
      }
      return order.slice(offset, want).map(function (x) {
        var doc = m.found[kept[x]], blk = blockAt(meta, doc), place = index.placeOf(blk, doc - blk.first);
        return { first: m.firsts[kept[x]], report: blk.firstReport + place.group, type: place.type, index: place.index, weight: ranked.weightOf[x] };
      });
    }

    // ---- Text of a document, for snippets: pieces of search/static/x/,
    // kept as loaded. A piece counts code points: one with a character
    // outside the BMP (seldom) is read as an array of them, the others cut
    // as strings (an array of characters takes ten times the memory).
    var ASTRAL = /[\uD800-\uDFFF]/;
    function streamSlice(meta, from, to) {
      var P = meta.textPiece, ks = [];
      for (var k = Math.floor(from / P); k * P < to; k++) ks.push(k);
      return Promise.all(ks.map(function (k) { return get('x/' + k); })).then(function (parts) {
        var out = [];
        parts.forEach(function (s, i) {
          var base = ks[i] * P, chars = ASTRAL.test(s) ? Array.from(s) : s;
          var part = chars.slice(Math.max(from, base) - base, Math.min(to, base + chars.length) - base);
          out = out.concat(typeof part === 'string' ? part.split('') : part);
        });
        return out;
      });
    }
    // Where a document's text is: its title line (items whose text is their
    // title and a part of the report's) and a range of the text stream;
    // `known`, the text's first characters as the result chunk gives them:
    // its title line and a line end (docs/search.md).
    function textRef(report, i) {
      if (i === 0) {
        var title = report.length > 8 ? report[8] : report[1];
        return { head: [], known: title === 0 ? [] : Array.from(title + '\n'), start: report[5], length: report[6] };
      }
      var item = report[7][i - 1];
      var line = item[4] === 1 ? item[1] : item[4];
      var head = item.length === 5 ? Array.from(line + '\n') : [];
      return { head: head, known: head, start: item[2], length: item[3] };
    }
    function docSlice(meta, ref, from, to) {
      if (to <= ref.known.length) return Promise.resolve(ref.known.slice(from, to));
      var head = ref.head.slice(from, to);
      var s = Math.max(from, ref.head.length) - ref.head.length;
      var e = Math.min(to - ref.head.length, ref.length);
      if (e <= s) return Promise.resolve(head);
      return streamSlice(meta, ref.start + s, ref.start + e).then(function (rest) { return head.concat(rest); });
    }
    // Where the piece that holds the document's character `at` ends, in the
    // document's characters.
    function pieceEnd(meta, ref, at) {
      var h = ref.head.length;
      if (at < h) return h;
      var P = meta.textPiece;
      return h + (Math.floor((ref.start + at - h) / P) + 1) * P - ref.start;
    }

    // The first occurrence of any word: in the first line, which the
    // result chunk gives, else reading on to the end of a piece, then
    // twice as much each time (a match is mostly early; a late one costs
    // few rounds); -1 if none. A word holds no line end, so a match in the
    // first line is the first.
    function scanFirst(meta, ref, words) {
      var total = ref.head.length + ref.length;
      var longest = Math.max.apply(null, words.map(function (w) { return Array.from(w).length; }));
      function firstIn(chars) {
        var text = chars.join(''), best = -1;
        words.forEach(function (w) {
          var p = text.indexOf(w);
          if (p >= 0) {
            var cp = Array.from(text.slice(0, p)).length;
            if (best < 0 || cp < best) best = cp;
          }
        });
        return best;
      }
      var inLine = firstIn(ref.known);
      if (inLine >= 0) return Promise.resolve(inLine);
      // [at, end): the characters read next, with the longest word's length
      // less one before them (a match that ends in them).
      function from(at, end, step) {
        if (at >= total) return Promise.resolve(-1);
        end = Math.min(total, end);
        var back = Math.max(0, at - longest + 1);
        return docSlice(meta, ref, back, end).then(function (chars) {
          var best = firstIn(chars);
          return best >= 0 ? back + best : from(end, pieceEnd(meta, ref, end + step - 1), step * 2);
        });
      }
      var at = ref.known.length;
      return from(at, pieceEnd(meta, ref, at), meta.textPiece);
    }

    // The snippet of `dossier search` (generator/search/searcher.cc): around
    // the first match of a long word (of any word if none is long), up to 40
    // characters before it and 80 after, within its line. [{text, mark}].
    function snippet(meta, ref, words, first) {
      var total = ref.head.length + ref.length;
      var anchor = first >= 0 ? Promise.resolve(first) : scanFirst(meta, ref, words);
      return anchor.then(function (at) {
        if (at < 0) at = 0;
        var from = Math.max(0, at - 41), to = Math.min(total, at + 81);
        if (at < ref.known.length) to = Math.min(to, ref.known.indexOf('\n', at) + 1);
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

    // What a result shows, from its group's result chunk.
    function hit(meta, r) {
      return get('r/' + Math.floor(r.report / meta.chunkReports)).then(function (chunk) {
        var report = chunk[r.report % meta.chunkReports], i = r.index;
        var item = i > 0 ? report[7][i - 1] : null;
        var url = report[2] === 0 ? 'reports/' + report[0] + '/index.html' : report[2];
        return {
          key: item ? report[0] + '#' + item[0] : report[0],
          type: TYPES[r.type][0],
          title: item ? item[1] : report[1],
          url: item ? url + '#' + item[0] : url,
          date: report[3],
          units: report[4],
          weight: r.weight,
          snippet: null,
          text: textRef(report, i),
          first: r.first
        };
      });
    }

    // ---- A search. request: {query, filters: {facet: [values]}, sort:
    // 'relevance' | 'date', offset, limit, snippets (default true),
    // progress(response), drawn()}. The answer: {words, total, facets,
    // hits}, or {error: 'no-words'}. `progress` sees it three times before:
    // with the total (hits and facets null), then with the hits but no
    // snippets, then with the facets too. Once the promise drawn() gives (a
    // page: once it has drawn the hits) is kept, the snippets' text is
    // asked for, and the facets are counted while it loads.
    function search(request) {
      trim();
      var words = queryWords(request.query || '');
      var progress = request.progress || function () {};
      return get('meta').then(function (meta) {
        if (!words.length) return { error: 'no-words', words: [] };
        return match(meta, words).then(function (m) {
          var response = { words: words, total: 0, hits: null, facets: null };
          var fl = filtering(meta, request);  // for the ranking and the facets
          var ranked = m ? rank(meta, m, request, fl) : { total: 0, page: [] };
          response.total = ranked.total;
          // The page's result chunks are asked for before the count is
          // given, so they load meanwhile.
          var hitsLoaded = Promise.all(ranked.page.map(function (r) { return hit(meta, r); }));
          progress(response);
          return hitsLoaded.then(function (hits) {
            response.hits = hits;
            progress(response);
            return request.drawn && request.drawn();
          }).then(function () {
            var snippets = Promise.all(response.hits.map(function (h) {
              return request.snippets === false ? [] : snippet(meta, h.text, words, h.first);
            }));
            return nextTurn().then(function () {
              response.facets = countFacets(meta, m, fl);
              progress(response);
              return snippets;
            });
          }).then(function (snippets) {
            response.hits.forEach(function (h, i) {
              h.snippet = snippets[i];
              delete h.text;
              delete h.first;
            });
            return response;
          });
        });
      });
    }
    // After the files asked for in this turn have been asked for.
    function nextTurn() {
      return new Promise(function (resolve) { setTimeout(resolve, 0); });
    }

    // What every search needs, asked for ahead of one (a page waiting for
    // its words): meta.js and, in an index of one block, the block.
    function prepare() {
      return get('meta').then(loadOnlyBlock);
    }
    // The files a query's words need for matching (dictionary shards,
    // lists, blocks), loaded ahead of its search: a page asks as the words
    // are typed.
    function prefetch(query) {
      trim();
      var words = queryWords(query || '');
      return get('meta').then(function (meta) {
        if (words.length) return loadLists(meta, words).then(function () {});
      });
    }

    return { search: search, prepare: prepare, prefetch: prefetch };
  }

  var api = {
    normalize: normalize,
    queryWords: queryWords,
    cheapestCover: cheapestCover,
    isWordChar: function (c) { return WORD_CHAR.test(c); },
    createEngine: createEngine
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.dossierSearchEngine = api;
})(typeof window !== 'undefined' ? window : globalThis);
