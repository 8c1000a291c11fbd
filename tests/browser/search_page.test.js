// The search page in a real browser: Debian's chromium, driven by
// playwright-core, on the sample site built by dossier, opened from file://
// from a plain local HTTP server (the browser index) and from `dossier serve`
// (the search API). A user types a query in the header box,
// chooses a facet, switches type, turns pages, goes back, and bookmarks a
// result list; the results must be those of `dossier search` in the same
// order, and no request may leave the site.
//
//   DOSSIER_BINARY=build/release/dossier node tests/browser/search_page.test.js
//
// Exit 77 (ctest: skipped) when chromium or playwright-core is missing,
// unless DOSSIER_TESTS_REQUIRE_ALL=1 (scripts/test.sh sets it).
'use strict';
const { test, before, after, describe } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const DOSSIER = process.env.DOSSIER_BINARY || path.join(REPO, 'build', 'release', 'dossier');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function missing() {
  if (!fs.existsSync(CHROMIUM)) return CHROMIUM + ' is not installed';
  try { require.resolve('playwright-core', { paths: [REPO] }); } catch (e) { return 'playwright-core is not installed'; }
  return null;
}
const why = missing();
if (why) {
  console.log('SKIPPED: ' + why + ' (scripts/setup.sh --test installs it)');
  process.exit(process.env.DOSSIER_TESTS_REQUIRE_ALL === '1' ? 1 : 77);
}
const { chromium } = require(require.resolve('playwright-core', { paths: [REPO] }));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-browser-'));
const site = path.join(work, 'site');
let browser;
let server;
let httpBase;
let dossierServe;
let serveBase;

// `dossier search --json` over the built site.
function cli(args) {
  return JSON.parse(execFileSync(DOSSIER, ['search', '-d', site, '--json', ...args]).toString());
}

// A plain static file server for the site: no search API.
function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.xml': 'application/xml' };
  return http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(root, rel.endsWith('/') || rel === '' ? rel + 'index.html' : rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
}

before(async () => {
  execFileSync(DOSSIER, ['build', path.join(REPO, 'content'), '-o', site], { stdio: 'pipe' });
  server = serve(site);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  httpBase = 'http://127.0.0.1:' + server.address().port + '/';
  dossierServe = spawn(DOSSIER, ['serve', '-d', site, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  serveBase = await new Promise((resolve, reject) => {
    let said = '';
    dossierServe.stderr.on('data', (d) => {
      said += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(said);
      if (m) resolve(m[1]);
    });
    dossierServe.on('exit', (code) => reject(new Error('dossier serve exited ' + code + ': ' + said)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (dossierServe) dossierServe.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

const modes = {
  'file://': () => 'file://' + site + '/',
  'http://': () => httpBase,
  'dossier serve': () => serveBase
};
// Which engine answers (#search's data-engine): the browser index unless
// the server has the search API.
const engines = { 'file://': 'index', 'http://': 'index', 'dossier serve': 'api' };

// A page that fails the test on a script error or a request leaving the site.
async function openPage(base) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('script error: ' + e.message));
  page.requested = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push('request outside the site: ' + r.url());
    page.requested.push(r.url().slice(base.length));
  });
  page.problems = problems;
  return page;
}

async function results(page) {
  await page.waitForFunction(() => document.getElementById('search').getAttribute('aria-busy') === 'false' &&
    /^(共 \d+ 条结果|没有找到)/.test(document.getElementById('search-status').textContent));
  return page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    urls: Array.from(document.querySelectorAll('#search-results .result-title a')).map((a) => a.href),
    titles: Array.from(document.querySelectorAll('#search-results .result-title a')).map((a) => a.textContent),
    marks: Array.from(document.querySelectorAll('#search-results .snippet mark')).map((m) => m.textContent),
    badges: Array.from(document.querySelectorAll('#search-results .badge')).map((b) => b.textContent),
    dates: Array.from(document.querySelectorAll('#search-results .result-meta .date')).map((d) => d.textContent)
  }));
}

function totalOf(status) { return Number(/^共 (\d+) 条结果/.exec(status)[1]); }

// The page shows what `dossier search` answers, in its order.
function assertSameAsCli(base, shown, answer) {
  assert.equal(totalOf(shown.status), answer.total, shown.status);
  assert.deepEqual(shown.urls, answer.results.map((r) => base + r.url));
  assert.deepEqual(shown.titles, answer.results.map((r) => r.title));
}

function assertClean(page) { assert.deepEqual(page.problems, []); }

for (const [mode, baseOf] of Object.entries(modes)) {
  describe('search page from ' + mode, () => {
    test('the search box of any page leads to the results of dossier search', async () => {
      const base = baseOf();
      const page = await openPage(base);
      await page.goto(base + 'reports/index.html');
      await page.fill('.site-search input[name=q]', '意识形态');
      await page.press('.site-search input[name=q]', 'Enter');
      const shown = await results(page);
      const url = new URL(page.url());
      assert.equal(url.pathname.endsWith('/search/index.html'), true, page.url());
      assert.equal(url.searchParams.get('q'), '意识形态');
      assertSameAsCli(base, shown, cli(['意识形态']));
      assert.ok(shown.marks.length > 0 && shown.marks.every((m) => m === '意识形态'), shown.marks.join());
      // The performance marks bench/run-search.sh reads, in order.
      const times = await page.evaluate(() => ['start', 'results', 'complete'].map((k) =>
        performance.getEntriesByName('dossier-search-' + k).map((e) => e.startTime)));
      assert.ok(times.every((t) => t.length === 1), JSON.stringify(times));
      assert.ok(times[0][0] <= times[1][0] && times[1][0] <= times[2][0], JSON.stringify(times));
      assert.equal(await page.getAttribute('#search', 'data-engine'), engines[mode]);
      // With the API, nothing of the browser index but its small meta.js.
      const indexFiles = page.requested.filter((u) => u.startsWith('search/static/') && u !== 'search/static/meta.js');
      if (engines[mode] === 'api') assert.deepEqual(indexFiles, []);
      else assert.ok(indexFiles.length > 0, page.requested.join());
      // Without the server, no request for an API that is not there.
      if (engines[mode] === 'index') assert.ok(!page.requested.some((u) => u.startsWith('api/')), page.requested.join());
      assertClean(page);
      await page.close();
    });

    test('the page waiting for words loads the document block, and what the words typed need, meanwhile (the browser index only)', async () => {
      const base = baseOf();
      const page = await openPage(base);
      await page.goto(base + 'search/index.html');
      const block = 'search/static/d/0.js';
      if (engines[mode] === 'index') {
        for (let waited = 0; !page.requested.includes(block); waited += 20) {
          assert.ok(waited < 10000, 'no request for ' + block + ': ' + page.requested.join());
          await page.waitForTimeout(20);
        }
      } else {
        await page.waitForTimeout(300);
        assert.deepEqual(page.requested.filter((u) => u.startsWith('search/static/') && u !== 'search/static/meta.js'), []);
      }
      // An input method's letters, not yet committed, load nothing; the
      // words typed load their dictionary shards before the search.
      const shards = () => page.requested.filter((u) => u.startsWith('search/static/t/'));
      await page.evaluate(() => {
        const q = document.getElementById('search-q');
        q.value = 'zhenggai';
        q.dispatchEvent(new InputEvent('input', { isComposing: true }));
      });
      await page.waitForTimeout(400);
      assert.deepEqual(shards(), [], 'nothing for letters an input method has not committed');
      await page.fill('#search-q', '整改');
      if (engines[mode] === 'index') {
        for (let waited = 0; !shards().length; waited += 20) {
          assert.ok(waited < 10000, 'no dictionary shard asked for while typing: ' + page.requested.join());
          await page.waitForTimeout(20);
        }
      } else {
        await page.waitForTimeout(300);
      }
      const typed = shards();
      await page.click('#search-form button[type=submit]');
      assertSameAsCli(base, await results(page), cli(['--limit', '10', '整改']));
      assert.deepEqual(shards(), typed, 'the search asks for no shard the typing did not');
      assert.equal(page.requested.filter((u) => u === block).length, engines[mode] === 'index' ? 1 : 0, page.requested.join());
      assertClean(page);
      await page.close();
    });

    test('the first ten agree with dossier search for each query', async () => {
      const base = baseOf();
      const page = await openPage(base);
      for (const q of ['整改', '中央八项规定', '民主集中制', '意识形态 整改', '党', '2022年', '三重一大']) {
        await page.goto(base + 'search/index.html?q=' + encodeURIComponent(q));
        assertSameAsCli(base, await results(page), cli(['--limit', '10', q]));
      }
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('不存在的说法'));
      assert.match((await results(page)).status, /^没有找到/);
      assertClean(page);
      await page.close();
    });

    test('a facet narrows the results, goes into the URL, and Back undoes it', async () => {
      const base = baseOf();
      const page = await openPage(base);
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('整改'));
      const before = await results(page);
      await page.check('#search-facets input[name=year][value="2022"]');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2022');
      const narrowed = await results(page);
      assertSameAsCli(base, narrowed, cli(['--year', '2022', '整改']));
      assert.ok(narrowed.dates.length > 0 && narrowed.dates.every((d) => d.startsWith('2022')), narrowed.dates.join());
      assert.ok(totalOf(narrowed.status) < totalOf(before.status));
      // OR within a facet: a second year adds its results.
      await page.check('#search-facets input[name=year][value="2023"]');
      await page.waitForFunction(() => new URL(location.href).searchParams.getAll('year').length === 2);
      assertSameAsCli(base, await results(page), cli(['--year', '2022', '--year', '2023', '整改']));
      await page.goBack();
      await page.waitForFunction(() => new URL(location.href).searchParams.getAll('year').length === 1);
      assertSameAsCli(base, await results(page), cli(['--year', '2022', '整改']));
      assertClean(page);
      await page.close();
    });

    test('the results show first; the facets and the snippets\' text follow once they are drawn', async () => {
      const base = baseOf();
      const page = await openPage(base);
      // When the first result, the first facet and the first script of
      // snippet text (search/static/x/) appear in the page, and when the
      // browser begins the frame that draws the first results.
      await page.addInitScript(() => {
        const seen = window.firstSeen = {};
        new MutationObserver(() => {
          for (const [name, selector] of [['results', '#search-results li'], ['facets', '#search-facets fieldset'],
            ['text', 'script[src*="static/x/"]']]) {
            if (seen[name] || !document.querySelector(selector)) continue;
            seen[name] = performance.now();
            if (name === 'results') requestAnimationFrame(() => { seen.frame = performance.now(); });
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('整改'));
      await results(page);
      const seen = await page.evaluate(() => window.firstSeen);
      assert.ok(seen.results > 0 && seen.facets > seen.results, JSON.stringify(seen));
      if (engines[mode] === 'index') assert.ok(seen.text > seen.frame, JSON.stringify(seen));
      assert.ok(await page.locator('#search-facets input[name=year]').count() > 0);
      assertClean(page);
      await page.close();
    });

    test('when the chosen filters leave nothing, the status says so and clears them', async () => {
      const base = baseOf();
      const page = await openPage(base);
      assert.equal(cli(['--type', 'issue', '--year', '1999', '整改']).total, 0);
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('整改') + '&type=issue&year=1999');
      assert.equal((await results(page)).status, '没有找到含有“整改”并符合所选条件的结果。清除筛选条件');
      await page.click('#search-status a');
      await page.waitForFunction(() => !location.search.includes('year'));
      const url = new URL(page.url());
      assert.deepEqual([...url.searchParams.keys()], ['q']);
      assertSameAsCli(base, await results(page), cli(['--limit', '10', '整改']));
      await page.goBack();
      await page.waitForFunction(() => location.search.includes('year'));
      assert.match((await results(page)).status, /并符合所选条件/);
      // Without filters, no link: the words alone find nothing.
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('不存在的说法'));
      assert.equal((await results(page)).status, '没有找到含有“不存在的说法”的报告、问题或整改措施。');
      assert.equal(await page.locator('#search-status a').count(), 0);
      assertClean(page);
      await page.close();
    });

    test('the type switch shows one kind of result, with counts per type', async () => {
      const base = baseOf();
      const page = await openPage(base);
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('整改'));
      await results(page);
      const answer = cli(['整改']);
      const count = (type) => (answer.facets.type.find((f) => f.value === type) || { count: 0 }).count;
      const button = page.locator('#search-types button', { hasText: '问题' });
      assert.equal(await button.locator('.count').textContent(), String(count('issue')));
      await button.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'issue');
      const issues = await results(page);
      assertSameAsCli(base, issues, cli(['--type', 'issue', '整改']));
      assert.ok(issues.badges.every((b) => b === '问题'), issues.badges.join());
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assertClean(page);
      await page.close();
    });

    test('pages of ten, and a bookmarked result list opens as it was', async () => {
      const base = baseOf();
      const page = await openPage(base);
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('工作'));
      assertSameAsCli(base, await results(page), cli(['--limit', '10', '工作']));
      await page.click('#search-pager a:has-text("下一页")');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
      const second = await results(page);
      assertSameAsCli(base, second, cli(['--limit', '10', '--offset', '10', '工作']));
      const bookmark = page.url();
      const other = await openPage(base);
      await other.goto(bookmark);
      assert.deepEqual((await results(other)).urls, second.urls);
      // A bookmark past the end, as after the archive shrank: its last page.
      const all = cli(['工作']).total, last = Math.ceil(all / 10);
      await other.goto(base + 'search/index.html?q=' + encodeURIComponent('工作') + '&page=' + (last + 3));
      assertSameAsCli(base, await results(other), cli(['--limit', '10', '--offset', String((last - 1) * 10), '工作']));
      assert.equal(new URL(other.url()).searchParams.get('page'), String(last));
      assert.equal(await other.textContent('#search-pager [aria-current=page]'), String(last));
      const filtered = base + 'search/index.html?q=%E6%95%B4%E6%94%B9&type=measure&year=2023';
      await other.goto(filtered);
      assertSameAsCli(base, await results(other), cli(['--type', 'measure', '--year', '2023', '整改']));
      assert.equal(await other.isChecked('#search-facets input[name=year][value="2023"]'), true);
      assertClean(page);
      assertClean(other);
      await page.close();
      await other.close();
    });

    test('a result link opens the item it found', async () => {
      const base = baseOf();
      const page = await openPage(base);
      await page.goto(base + 'search/index.html?q=' + encodeURIComponent('整改') + '&type=issue');
      const shown = await results(page);
      await page.click('#search-results .result-title a');
      await page.waitForURL(shown.urls[0]);
      const id = new URL(shown.urls[0]).hash.slice(1);
      assert.ok(id && (await page.locator('[id="' + id + '"]').count()) === 1, shown.urls[0]);
      assertClean(page);
      await page.close();
    });
  });
}

describe('hostile content in search results', () => {
  test('titles, units and snippets are shown as text; nothing runs or loads', async () => {
    const hostile = path.join(work, 'hostile');
    execFileSync(DOSSIER, ['build', path.join(REPO, 'tests', 'sites', 'valid', 'hostile'), '-o', hostile], { stdio: 'pipe' });
    const base = 'file://' + hostile + '/';
    const page = await openPage(base);
    const dialogs = [];
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    await page.goto(base + 'search/index.html?q=alert');
    const shown = await results(page);
    assert.ok(totalOf(shown.status) > 0, shown.status);
    assert.ok(shown.titles.includes('<script>alert(1)</script>'), shown.titles.join(' | '));
    const found = await page.evaluate(() => ({
      scripts: Array.from(document.scripts).map((s) => s.getAttribute('src')),
      handlers: Array.from(document.querySelectorAll('#search *')).filter((e) =>
        Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
      units: Array.from(document.querySelectorAll('.result-meta')).map((m) => m.textContent).join(' ')
    }));
    assert.deepEqual(found.scripts, ['../theme/search-index.js', 'static/meta.js', '../theme/search-engine.js', '../theme/search-api.js', '../theme/search-page.js']);
    assert.equal(found.handlers, 0);
    assert.ok(found.units.includes('<script>alert(1)</script>局'), found.units);
    assert.deepEqual(dialogs, []);
    assertClean(page);
    await page.close();
  });
});
