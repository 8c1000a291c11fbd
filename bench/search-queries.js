// Query benchmark for bench/run-search.sh: for each query, cold, in Debian's
// chromium (playwright-core), the time until results show and the bytes
// the browser loads; for dossier also from file://, with `dossier search`
// on the command line, and through `dossier serve` (whose search page asks
// its API); for Pagefind through its JavaScript API (search, then the data
// of the first ten results, as its UI does), over HTTP only (it cannot run
// from file://). Prints one JSON object.
//
//   node bench/search-queries.js --site SITE --dossier BIN [--pagefind DIR]
//        [--chromium PATH] QUERY...
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const zlib = require('zlib');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const { chromium } = require(require.resolve('playwright-core', { paths: [REPO] }));

function parse(argv) {
  const o = { queries: [], chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--site' || a === '--dossier' || a === '--pagefind' || a === '--chromium') o[a.slice(2)] = argv[++i];
    else o.queries.push(a);
  }
  return o;
}

// Serves the site, Pagefind's bundle under /pagefind/ and the Pagefind
// harness page; counts since reset() the bytes and files of the search:
// its index and code (dossier: search/static/ and theme/search-*.js;
// Pagefind: pagefind/), not the page's HTML and CSS. `gzipBytes` counts
// what a server that compresses where it helps would send: each file's
// gzip size or its own, whichever is smaller (Pagefind's index files are
// gzip files already).
const SEARCH_FILES = /^\/(search\/static\/|pagefind\/|theme\/search-)/;
function server(site, pagefind) {
  let bodies = [];
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
  // ?all=1: the data of every result, to count the report pages found.
  const harness = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>pagefind</title><script type="module">
    const pagefind = await import('/pagefind/pagefind.js');
    const p = new URLSearchParams(location.search);
    window.startAt = performance.now();
    const search = await pagefind.search(p.get('q'));
    const shown = p.get('all') ? search.results : search.results.slice(0, 10);
    const data = await Promise.all(shown.map((r) => r.data()));
    window.answer = { total: search.results.length, reports: data.filter((d) => /\\/reports\\//.test(d.url)).length };
    window.doneAt = performance.now();
  </script>`;
  const s = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body;
    if (rel === '/__bench__/pagefind.html') body = Buffer.from(harness);
    else {
      let file = rel.startsWith('/pagefind/') && pagefind ? path.join(pagefind, rel.slice('/pagefind/'.length)) : path.join(site, rel);
      if (file.endsWith('/')) file += 'index.html';
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
      body = fs.readFileSync(file);
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(rel)] || (rel.endsWith('/') ? types['.html'] : 'application/octet-stream') });
    res.end(body);
    // Compressed only when counted, after the query: compressing here, even
    // after the answer, held the next requests back (about 10 ms a query
    // at 1,000 reports).
    if (SEARCH_FILES.test(rel)) bodies.push(body);
  });
  return {
    listen: () => new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve('http://127.0.0.1:' + s.address().port))),
    reset: () => { bodies = []; },
    count: () => ({
      bytes: bodies.reduce((n, b) => n + b.length, 0),
      gzipBytes: bodies.reduce((n, b) => n + Math.min(b.length, zlib.gzipSync(b).length), 0),
      files: bodies.length
    }),
    close: () => s.close()
  };
}

// One cold query: a new browser context (empty cache), until the results
// show; `read` (one function or several) runs in the page then.
// Pagefind's harness imports pagefind.js (as the search page loads its
// scripts), then times its search and the data of the first ten results.
async function timed(browser, url, done, read) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(done, null, { timeout: 120000 });
  const out = {};
  for (const r of [].concat(read)) Object.assign(out, await page.evaluate(r));
  await context.close();
  return out;
}

// The search page marks when its search starts (its scripts and meta.js
// are in), when the results show and when their snippets do. ms: from the
// start of the search; pageMs: from the start of the page's navigation.
const dossierDone = () => performance.getEntriesByName('dossier-search-complete').length > 0;
const dossierRead = () => {
  const at = (name) => performance.getEntriesByName(name)[0].startTime;
  return {
    ms: at('dossier-search-results') - at('dossier-search-start'),
    completeMs: at('dossier-search-complete') - at('dossier-search-start'),
    pageMs: at('dossier-search-results'),
    total: Number((/^共 (\d+)/.exec(document.getElementById('search-status').textContent) || [0, 0])[1])
  };
};

// `dossier serve` on the site: the search page then asks its API (one
// request per search) instead of loading the browser index. Resolves to
// the server's address and a stop function.
function dossierServe(bin, site) {
  const child = spawn(bin, ['serve', '-d', site, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr.on('data', (chunk) => {
      said += chunk;
      const m = /at (http:\/\/\S+?)\/?\n/.exec(said);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', () => reject(new Error('dossier serve stopped: ' + said)));
  });
}

// The bytes of the search's files and API answers, from the page's resource
// timing: as written (decoded) and as sent (encoded: the server compresses).
const servedBytes = () => {
  const mine = performance.getEntriesByType('resource').filter((e) => /\/(api\/search|theme\/search-)/.test(e.name));
  return {
    bytes: mine.reduce((n, e) => n + e.decodedBodySize, 0),
    gzipBytes: mine.reduce((n, e) => n + e.encodedBodySize, 0),
    files: mine.length
  };
};

function cliMs(bin, site, q) {
  const times = [];
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(bin, ['search', '-d', site, '--json', '--limit', '10', q]);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status === 0) total = JSON.parse(r.stdout).total;
  }
  times.sort((a, b) => a - b);
  return { ms: times[1], total };
}

function reportsWith(bin, site, q) {
  const r = spawnSync(bin, ['search', '-d', site, '--json', '--limit', '1', '--type', 'report', q]);
  return r.status === 0 ? JSON.parse(r.stdout).total : null;
}

async function main() {
  const o = parse(process.argv.slice(2));
  const srv = server(o.site, o.pagefind);
  const base = await srv.listen();
  const browser = await chromium.launch({
    executablePath: o.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  });
  const apiServer = await dossierServe(o.dossier, o.site);
  const out = [];
  const searchPage = (root, q) => root + 'search/index.html?q=' + encodeURIComponent(q);
  // One query first to warm the disk cache, the browser and the server's
  // database, not counted.
  await timed(browser, searchPage(base + '/', o.queries[0]), dossierDone, dossierRead);
  await timed(browser, searchPage(apiServer.url + '/', o.queries[0]), dossierDone, dossierRead);
  for (const q of o.queries) {
    const row = { query: q, reports: reportsWith(o.dossier, o.site, q) };
    srv.reset();
    const http1 = await timed(browser, searchPage(base + '/', q), dossierDone, dossierRead);
    const served = srv.count();
    const file = await timed(browser, searchPage('file://' + path.resolve(o.site) + '/', q), dossierDone, dossierRead);
    const cli = cliMs(o.dossier, o.site, q);
    row.dossier = {
      total: http1.total, httpMs: http1.ms, httpCompleteMs: http1.completeMs, httpPageMs: http1.pageMs,
      fileMs: file.ms, fileCompleteMs: file.completeMs,
      bytes: served.bytes, gzipBytes: served.gzipBytes, files: served.files, cliMs: cli.ms, cliTotal: cli.total
    };
    const api = await timed(browser, searchPage(apiServer.url + '/', q), dossierDone, [dossierRead, servedBytes]);
    row.serve = { total: api.total, httpMs: api.ms, httpPageMs: api.pageMs, bytes: api.bytes, gzipBytes: api.gzipBytes, files: api.files };
    if (o.pagefind) {
      srv.reset();
      const pf = await timed(browser, base + '/__bench__/pagefind.html?q=' + encodeURIComponent(q),
        () => window.doneAt !== undefined, () => ({ ms: window.doneAt - window.startAt, pageMs: window.doneAt, total: window.answer.total }));
      const pfServed = srv.count();
      row.pagefind = { total: pf.total, httpMs: pf.ms, httpPageMs: pf.pageMs, bytes: pfServed.bytes, gzipBytes: pfServed.gzipBytes, files: pfServed.files };
      if (q === o.queries[0]) {  // how many of its results are reports holding the words
        const all = await timed(browser, base + '/__bench__/pagefind.html?all=1&q=' + encodeURIComponent(q),
          () => window.doneAt !== undefined, () => window.answer);
        row.pagefind.reports = all.reports;
      }
    }
    out.push(row);
    process.stderr.write('  ' + q + ': ' + JSON.stringify(row) + '\n');
  }
  await browser.close();
  srv.close();
  apiServer.stop();
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
