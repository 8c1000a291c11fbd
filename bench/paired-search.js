// Before and after: cold queries on two built sites in turn, from file://,
// in Debian's chromium (playwright-core). This machine's pace drifts by a
// fifth between runs, so a change to the search page or the browser index
// is judged by pairs: for each query both sites, one after the other (the
// order alternating), each in a new browser context. Prints, for the time
// from the search's start to its results, to its snippets (complete) and
// from the navigation to its results, each site's median and the median of
// the paired differences (B − A). With --typed the page opens without a
// query, the query is typed 1.5 s later and submitted 0.5 s after that,
// as a user who opens the search page does; "page" is then the time from
// the submit. With --http each site is served over HTTP/1.1 from a server
// of its own on 127.0.0.1 (a plain static server, as bench/run-search.sh
// uses) instead of opened from file://.
//
//   node bench/paired-search.js SITE_A SITE_B [--rounds N] [--typed] [--http] [--chromium PATH] QUERY...
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const { chromium } = require(require.resolve('playwright-core', { paths: [REPO] }));

function parse(argv) {
  const o = { sites: [], queries: [], rounds: 2, chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') o.rounds = Number(argv[++i]);
    else if (argv[i] === '--typed') o.typed = true;
    else if (argv[i] === '--http') o.http = true;
    else if (argv[i] === '--chromium') o.chromium = argv[++i];
    else if (o.sites.length < 2) o.sites.push(path.resolve(argv[i]));
    else o.queries.push(argv[i]);
  }
  if (o.sites.length < 2 || !o.queries.length) {
    console.error('usage: node bench/paired-search.js SITE_A SITE_B [--rounds N] [--typed] [--http] [--chromium PATH] QUERY...');
    process.exit(2);
  }
  return o;
}

// A static server of `site` on 127.0.0.1; resolves to its address.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
function serve(site) {
  const s = http.createServer((req, res) => {
    let file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (file.endsWith('/')) file += 'index.html';
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve('http://127.0.0.1:' + s.address().port)));
}

// One cold query: the page's performance marks (docs/search.md, "The page").
// `site`: the site's address (file:// or http://).
async function timed(browser, site, q, typed) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let from = 0;  // the navigation, or the submit
  if (typed) {
    await page.goto(site + '/search/index.html');
    await page.waitForTimeout(1500);
    await page.fill('#search-q', q);
    await page.waitForTimeout(500);
    from = await page.evaluate(() => performance.now());
    await page.click('#search-form button[type=submit]');
  } else {
    await page.goto(site + '/search/index.html?q=' + encodeURIComponent(q));
  }
  await page.waitForFunction(() => performance.getEntriesByName('dossier-search-complete').length > 0,
    null, { timeout: 60000 });
  const t = await page.evaluate((start) => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    return {
      results: at('dossier-search-results') - at('dossier-search-start'),
      complete: at('dossier-search-complete') - at('dossier-search-start'),
      page: at('dossier-search-results') - start
    };
  }, from);
  await context.close();
  return t;
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const o = parse(process.argv.slice(2));
  const browser = await chromium.launch({
    executablePath: o.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  });
  const sites = o.http ? await Promise.all(o.sites.map(serve)) : o.sites.map((s) => 'file://' + s);
  const runs = [[], []];
  for (let r = 0; r < o.rounds; r++) {
    for (const [i, q] of o.queries.entries()) {
      const order = (r + i) % 2 ? [0, 1] : [1, 0];
      for (const k of order) runs[k].push(await timed(browser, sites[k], q, o.typed));
    }
  }
  await browser.close();
  console.log('%d pairs; ms: A, B, median of B − A', runs[0].length);
  for (const field of ['results', 'complete', 'page']) {
    const a = runs[0].map((t) => t[field]), b = runs[1].map((t) => t[field]);
    console.log('%s\t%s\t%s\t%s', field.padEnd(8), median(a).toFixed(1), median(b).toFixed(1),
      median(b.map((x, i) => x - a[i])).toFixed(1));
  }
}

main().then(() => process.exit(0), (e) => { console.error(e.stack || String(e)); process.exit(3); });
