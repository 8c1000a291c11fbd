// search-remote.js: the search page's engine when `dossier serve` serves the
// site (which gives it to the page inside search-api.js; the page does not
// load this file itself): asks the server's API (GET api/search, the JSON of
// `dossier search --json`) instead of loading the browser index. Same
// request and answer as search-engine.js's engine; a facet with chosen
// values is counted over the other facets' choices (one more API request
// each), as the browser index counts them. Rejects with {unavailable: true}
// when there is no API (a plain web server): the page then uses the
// browser index.
(function () {
  'use strict';

  var FACETS = ['unit', 'topic', 'year', 'kind', 'regulation', 'type'];

  // "a <mark>b</mark> &amp; c" -> [{text: 'a '}, {text: 'b', mark: true}, {text: ' & c'}]
  function snippetParts(html) {
    var parts = [], mark = false;
    html.split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === '<mark>') { mark = true; return; }
      if (piece === '</mark>') { mark = false; return; }
      if (!piece) return;
      var text = piece.replace(/&(amp|lt|gt|quot|#39);/g, function (_, e) {
        return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[e];
      });
      parts.push(mark ? { text: text, mark: true } : { text: text });
    });
    return parts;
  }

  function createRemoteEngine(apiUrl) {
    function params(request, without) {
      var p = new URLSearchParams();
      p.set('q', request.query);
      FACETS.forEach(function (f) {
        if (f === without) return;
        (request.filters[f] || []).forEach(function (v) { p.append(f, v); });
      });
      if (request.sort === 'date') p.set('sort', 'date');
      p.set('page', String(Math.floor(request.offset / request.limit) + 1));
      return p.toString();
    }

    function get(query) {
      return fetch(apiUrl + '?' + query, { headers: { Accept: 'application/json' } }).then(function (r) {
        var json = /^application\/json/.test(r.headers.get('Content-Type') || '');
        if (r.status === 400 && json) return r.json().then(function (e) { return { error: e.error }; });
        if (!r.ok || !json) throw { unavailable: true };
        return r.json();
      }, function () { throw { unavailable: true }; });
    }

    // A chosen value is listed even when nothing has it, so it can be unchosen.
    function withChosen(list, chosen) {
      list = list || [];
      (chosen || []).forEach(function (v) {
        if (!list.some(function (e) { return e.value === v; })) list.push({ value: v, label: v, count: 0 });
      });
      return list;
    }

    function search(request) {
      var own = FACETS.filter(function (f) { return (request.filters[f] || []).length; });
      return Promise.all([get(params(request))].concat(own.map(function (f) {
        return get(params(request, f));
      }))).then(function (answers) {
        var main = answers[0];
        if (main.error) return { error: main.error };
        var facets = {};
        FACETS.forEach(function (f) {
          var i = own.indexOf(f), from = i >= 0 ? answers[i + 1] : main;
          facets[f] = withChosen((from.facets || {})[f], request.filters[f]);
        });
        var summary = { words: main.words, total: main.total, hits: null, facets: facets };
        if (request.progress) request.progress(summary);
        var response = {
          words: main.words, total: main.total, facets: facets,
          hits: main.results.map(function (h) {
            return { type: h.type, title: h.title, url: h.url, units: h.units, date: h.date, snippet: snippetParts(h.snippet) };
          })
        };
        if (request.progress) request.progress(response);
        return response;
      });
    }

    return { search: search };
  }

  var api = { createRemoteEngine: createRemoteEngine, snippetParts: snippetParts };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else window.dossierSearchRemote = api;
})();
