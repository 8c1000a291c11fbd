// The browser search engine (themes/default/static/search-engine.js) over a
// built site's search/static/, in node: for the tests that check it finds
// what `dossier search` finds, and for bench/ (bytes and files a query
// loads). As a command it prints the JSON of `dossier search --json`:
//
//   node tests/js/static_search.js SITE [--limit N] [--offset N] [--sort date]
//        [--type T] [--unit U] [--topic T] [--year Y] [--kind K] [--regulation R]
//        [--no-snippets] QUERY...
//   node tests/js/static_search.js SITE --batch REQUESTS.json
//
// Filters take values as the search page's URL does: slugs for units,
// topics and regulations. --batch reads a JSON array of argument lists and
// prints a JSON array of answers, each with the files the search loaded.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const engineApi = require('../../themes/default/static/search-engine.js');

// An engine reading SITE/search/static/<name>.js files; `loaded` lists
// every file it read with its size.
function open(site) {
  const loaded = [];
  const load = (name) => {
    const file = path.join(site, 'search', 'static', name + '.js');
    const source = fs.readFileSync(file);
    loaded.push({ name, bytes: source.length });
    let data;
    // UTF-16LE after a byte order mark, or UTF-8 (docs/search.md).
    const text = source[0] === 0xff && source[1] === 0xfe ? source.toString('utf16le', 2) : source.toString('utf8');
    vm.runInNewContext(text, { dossierSearch: { add: (n, d) => { data = d; } } });
    return data;
  };
  return { engine: engineApi.createEngine(load), loaded };
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function snippetHtml(parts) {
  return parts.map((p) => (p.mark ? '<mark>' + escapeHtml(p.text) + '</mark>' : escapeHtml(p.text))).join('');
}

// `dossier search --json` output for a request.
async function searchJson(engine, request) {
  const r = await engine.search(request);
  if (r.error) return { error: r.error };
  const facets = {};
  for (const [facet, values] of Object.entries(r.facets)) if (values.length) facets[facet] = values;
  return {
    query: request.query,
    words: r.words,
    total: r.total,
    offset: request.offset || 0,
    limit: request.limit || 10,
    sort: request.sort || 'relevance',
    results: r.hits.map((h) => ({
      key: h.key, type: h.type, title: h.title, url: h.url, units: h.units, date: h.date,
      snippet: snippetHtml(h.snippet), weight: h.weight
    })),
    facets
  };
}

function parseArgs(argv) {
  const request = { query: '', filters: {}, limit: 10, offset: 0 };
  const words = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const facet = a.startsWith('--') ? a.slice(2) : null;
    if (facet === 'limit' || facet === 'offset') request[facet] = Number(argv[++i]);
    else if (facet === 'sort') request.sort = argv[++i];
    else if (facet === 'no-snippets') request.snippets = false;
    else if (facet) (request.filters[facet] = request.filters[facet] || []).push(argv[++i]);
    else words.push(a);
  }
  request.query = words.join(' ');
  return request;
}

async function batch(site, requests) {
  const out = [];
  for (const args of requests) {
    const { engine, loaded } = open(site);  // a cold search each time
    const started = process.hrtime.bigint();
    const answer = await searchJson(engine, parseArgs(args));
    answer.ms = Number(process.hrtime.bigint() - started) / 1e6;
    answer.loaded = loaded;
    out.push(answer);
  }
  return out;
}

if (require.main === module) {
  const [site, ...args] = process.argv.slice(2);
  const work = args[0] === '--batch'
    ? batch(site, JSON.parse(fs.readFileSync(args[1], 'utf8')))
    : searchJson(open(site).engine, parseArgs(args));
  work.then(
    (out) => process.stdout.write(JSON.stringify(out, null, 2) + '\n'),
    (e) => { console.error(e.stack || String(e)); process.exit(3); });
}

module.exports = { open, searchJson, parseArgs, snippetHtml, batch };
