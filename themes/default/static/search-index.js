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

  // The blocks a dictionary entry's documents are in, as the writer lists
  // them for a long list (first, then each next less the one before, less
  // one); null when the entry does not say (every block).
  function entryBlocks(entry) {
    if (entry.length < 5) return null;
    var n = numbers(entry[4]);
    for (var i = 1; i < n.length; i++) n[i] += n[i - 1] + 1;
    return n;
  }

  // ---- Document blocks: per group (a report with its issues and measures)
  // its date, kind, units and topics; per document its length and
  // regulations. Documents are numbered from `first`.
  function parseBlock(data, first, firstReport) {
    var n = numbers(data), i = 0, groups = [];
    var length = [], type = [], group = [], index = [], regulations = [];
    while (i < n.length) {
      var issues = n[i++], measures = n[i++], date = n[i++], kind = n[i++] - 1;
      var units = n.slice(i + 1, i + 1 + n[i]); i += 1 + n[i];
      var topics = n.slice(i + 1, i + 1 + n[i]); i += 1 + n[i];
      groups.push({ report: firstReport + groups.length, date: date, kind: kind, units: units, topics: topics });
      for (var k = 0; k < 1 + issues + measures; k++) {
        length.push(n[i++]);
        regulations.push(n.slice(i + 1, i + 1 + n[i])); i += 1 + n[i];
        type.push(k === 0 ? 0 : k <= issues ? 1 : 2);
        group.push(groups[groups.length - 1]);
        index.push(k);
      }
    }
    return {
      first: first, groups: groups, length: length, type: type, group: group, index: index,
      regulations: regulations
    };
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
  // <script> elements of `doc`.
  function scriptLoader(base, doc) {
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
        doc.head.appendChild(s);
      });
    };
  }

  var api = {
    numbers: numbers,
    termHash: termHash,
    decodeList: decodeList,
    entryBlocks: entryBlocks,
    parseBlock: parseBlock,
    scriptLoader: scriptLoader
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.dossierSearchIndex = api;
})(typeof window !== 'undefined' ? window : globalThis);
