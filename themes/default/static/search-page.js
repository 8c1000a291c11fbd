// search-page.js: the search page (search/index.html). The query and the
// filters live in the URL (?q=…&type=…&unit=…&topic=…&year=…&kind=…
// &regulation=…&sort=date&page=N), so a result list can be bookmarked and
// shared; the server's API (search-remote.js) or search-engine.js over the
// browser index answers. Shows the results with highlighted snippets, a type
// switch and facets with live counts (OR within a facet, AND across
// facets), and pages of ten.
(function () {
  'use strict';

  var PAGE_SIZE = 10;
  var FACETS = [['unit', '单位'], ['topic', '主题'], ['year', '年度'], ['kind', '类别'], ['regulation', '法规']];
  var TYPES = [['', '全部'], ['report', '报告'], ['issue', '问题'], ['measure', '整改措施']];
  var SHOWN_VALUES = 8;  // per facet, before "更多"

  var api = window.dossierSearchEngine;
  var box = document.getElementById('search');
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var tools = document.getElementById('search-tools');
  var types = document.getElementById('search-types');
  var sort = document.getElementById('search-sort');
  var facets = document.getElementById('search-facets');
  var results = document.getElementById('search-results');
  var pager = document.getElementById('search-pager');
  var siteRoot = box.getAttribute('data-root');
  var engine = pickEngine();
  var expanded = {};  // facets showing all their values
  var runs = 0;       // the latest search; older answers are dropped
  var state = readState(location.search);

  // The server's API answers when there is one (`dossier serve` gives its
  // engine and address in search-api.js); else the browser index. #search's
  // data-engine says which ("api" or "index").
  function pickEngine() {
    var local = null, remote = null;
    function localEngine() {
      box.setAttribute('data-engine', 'index');
      return local || (local = api.createEngine(window.dossierSearchIndex.scriptLoader(box.getAttribute('data-index'), document)));
    }
    if (typeof window.dossierSearchApi === 'string' && window.dossierSearchRemote && window.fetch)
      remote = window.dossierSearchRemote.createRemoteEngine(siteRoot + window.dossierSearchApi);
    return {
      // With no server to ask, the browser index's files every search needs
      // load while the user types.
      prepare: function () {
        if (!remote) localEngine().prepare().catch(function () {});  // a search says what failed
      },
      prefetch: function (query) {
        if (!remote) localEngine().prefetch(query).catch(function () {});
      },
      search: function (request) {
        if (!remote) return localEngine().search(request);
        return remote.search(request).then(function (r) {
          box.setAttribute('data-engine', 'api');
          return r;
        }, function (e) {
          if (!e || !e.unavailable) throw e;
          remote = null;
          return localEngine().search(request);
        });
      }
    };
  }

  function readState(search) {
    var p = new URLSearchParams(search), s = { filters: {} };
    s.q = p.get('q') || '';
    s.type = p.get('type') || '';
    s.sort = p.get('sort') === 'date' ? 'date' : 'relevance';
    s.page = Math.max(1, parseInt(p.get('page'), 10) || 1);
    FACETS.forEach(function (f) { s.filters[f[0]] = p.getAll(f[0]); });
    return s;
  }

  function query(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    if (s.type) p.set('type', s.type);
    FACETS.forEach(function (f) { s.filters[f[0]].forEach(function (v) { p.append(f[0], v); }); });
    if (s.sort === 'date') p.set('sort', 'date');
    if (s.page > 1) p.set('page', String(s.page));
    return '?' + p.toString();
  }

  function copy(s) {
    var c = { q: s.q, type: s.type, sort: s.sort, page: s.page, filters: {} };
    FACETS.forEach(function (f) { c.filters[f[0]] = s.filters[f[0]].slice(); });
    return c;
  }

  // A new state: into the URL (a new history entry), then searched.
  function go(next) {
    state = next;
    address('pushState');
    run();
  }

  // The state into the URL: 'pushState' or 'replaceState'.
  function address(how) {
    try {
      history[how](null, '', query(state));
    } catch (e) {
      // Some browsers refuse to change a file:// URL: search all the same.
    }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  // aria-busy: true while a search runs (tests and assistive technology wait on it).
  function busy(on) { box.setAttribute('aria-busy', String(on)); }

  function show(message) {
    busy(false);
    status.textContent = message;
    tools.hidden = true;
    clear(types); clear(facets); clear(results); clear(pager);
  }

  // Searches for the state: the count shows first, then the results, then
  // (once the browser has drawn the results, and the engine has counted
  // them) the type switch, facets and pager, then the snippets (performance
  // marks 'dossier-search-start', 'dossier-search-results' and
  // 'dossier-search-complete' say when). Drawing the facets first held the
  // results back by their layout.
  function run() {
    var mine = ++runs, shown = false, summarised = false;
    function summarise(r) {  // the facets, once
      if (summarised || mine !== runs) return;
      summarised = true;
      renderSummary(r);
    }
    input.value = state.q;
    sort.value = state.sort;
    if (!state.q.trim()) {
      show('输入要找的词语，按“搜索”。');
      engine.prepare();
      return;
    }
    var filters = { type: state.type ? [state.type] : [] };
    FACETS.forEach(function (f) { filters[f[0]] = state.filters[f[0]]; });
    var started = Date.now();
    mark('dossier-search-start');
    busy(true);
    status.textContent = '正在搜索…';
    engine.search({
      query: state.q, filters: filters, sort: state.sort,
      offset: (state.page - 1) * PAGE_SIZE, limit: PAGE_SIZE,
      progress: function (r) {
        if (mine !== runs) return;
        if (!r.hits) {
          if (pastTheEnd(r)) return;
          renderStatus(r, Date.now() - started);
          return;
        }
        if (!shown) {
          shown = true;
          renderResults(r);
          mark('dossier-search-results');
        }
        if (r.facets) afterPaint(function () { summarise(r); });
      },
      drawn: function () { return new Promise(afterPaint); }
    }).then(function (r) {
      if (mine !== runs) return;
      if (r.error) { show('搜索词里没有文字或数字。'); return; }
      if (pastTheEnd(r)) return;
      summarise(r);
      renderResults(r);
      busy(false);
      mark('dossier-search-complete');
    }, function (e) {
      if (mine !== runs) return;
      show('无法读取搜索索引（' + e.message + '）。请重新生成站点（dossier build）。');
    });
  }

  // A page past the last (a bookmark from before the archive changed):
  // the last page instead, in place of the one asked for in the history.
  function pastTheEnd(r) {
    var last = Math.ceil(r.total / PAGE_SIZE);
    if (!r.total || state.page <= last) return false;
    state.page = last;
    address('replaceState');
    run();
    return true;
  }

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  // Runs f once the browser has drawn what the page holds now.
  function afterPaint(f) {
    if (window.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(f, 0); });
    else setTimeout(f, 0);
  }

  // The count; when the chosen type or facet values leave nothing, says so
  // and offers the same words without them.
  function renderStatus(r, ms) {
    var words = r.words.join(' ');
    if (r.total) {
      status.textContent = '共 ' + r.total + ' 条结果：' + words + '（' + ms + ' 毫秒）';
      return;
    }
    var chosen = state.type || FACETS.some(function (f) { return state.filters[f[0]].length; });
    if (!chosen) {
      status.textContent = '没有找到含有“' + words + '”的报告、问题或整改措施。';
      return;
    }
    var unfiltered = copy(state);
    unfiltered.type = '';
    unfiltered.page = 1;
    FACETS.forEach(function (f) { unfiltered.filters[f[0]] = []; });
    status.textContent = '没有找到含有“' + words + '”并符合所选条件的结果。';
    status.appendChild(stateLink(unfiltered, '清除筛选条件'));
  }

  function renderSummary(r) {
    tools.hidden = false;
    renderTypes(r.facets.type);
    renderFacets(r.facets);
    renderPager(r.total);
  }

  function renderTypes(counts) {
    clear(types);
    var byType = {}, all = 0;
    counts.forEach(function (c) { byType[c.value] = c.count; all += c.count; });
    TYPES.forEach(function (t) {
      var n = t[0] ? byType[t[0]] || 0 : all;
      var b = el('button', { type: 'button', 'aria-pressed': String(state.type === t[0]) });
      b.appendChild(document.createTextNode(t[1] + ' '));
      b.appendChild(el('span', { 'class': 'count' }, String(n)));
      b.addEventListener('click', function () {
        var next = copy(state);
        next.type = t[0];
        next.page = 1;
        go(next);
      });
      types.appendChild(b);
    });
  }

  function renderFacets(all) {
    clear(facets);
    FACETS.forEach(function (f) {
      var name = f[0], chosen = state.filters[name], values = all[name];
      if (!values.length) return;
      var group = el('fieldset', { 'class': 'facet' });
      group.appendChild(el('legend', {}, f[1]));
      var list = el('ul');
      values.forEach(function (v, i) {
        var on = chosen.indexOf(v.value) >= 0;
        if (i >= SHOWN_VALUES && !on && !expanded[name]) return;
        var li = el('li'), label = el('label');
        var box = el('input', { type: 'checkbox', name: name, value: v.value });
        box.checked = on;
        box.addEventListener('change', function () {
          var next = copy(state), list = next.filters[name];
          if (box.checked) list.push(v.value);
          else list.splice(list.indexOf(v.value), 1);
          next.page = 1;
          go(next);
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + v.label + ' '));
        label.appendChild(el('span', { 'class': 'count' }, String(v.count)));
        li.appendChild(label);
        list.appendChild(li);
      });
      group.appendChild(list);
      if (values.length > SHOWN_VALUES) {
        var more = el('button', { type: 'button', 'class': 'facet-more' },
          expanded[name] ? '收起' : '更多（共 ' + values.length + ' 项）');
        more.addEventListener('click', function () {
          expanded[name] = !expanded[name];
          renderFacets(all);
        });
        group.appendChild(more);
      }
      facets.appendChild(group);
    });
  }

  function typeLabel(type) {
    for (var i = 1; i < TYPES.length; i++) if (TYPES[i][0] === type) return TYPES[i][1];
    return type;
  }

  function renderResults(r) {
    clear(results);
    results.setAttribute('start', String((state.page - 1) * PAGE_SIZE + 1));
    r.hits.forEach(function (h) {
      var li = el('li', { 'class': 'result result-' + h.type });
      var title = el('h2', { 'class': 'result-title' });
      title.appendChild(el('a', { href: siteRoot + h.url }, h.title));
      li.appendChild(title);
      var meta = el('p', { 'class': 'result-meta' });
      meta.appendChild(el('span', { 'class': 'badge badge-' + h.type }, typeLabel(h.type)));
      meta.appendChild(document.createTextNode(' ' + h.units.join('、') + (h.date ? ' · ' : '')));
      if (h.date) meta.appendChild(el('span', { 'class': 'date' }, h.date));
      li.appendChild(meta);
      if (h.snippet) {
        var snippet = el('p', { 'class': 'snippet' });
        h.snippet.forEach(function (part) {
          snippet.appendChild(part.mark ? el('mark', {}, part.text) : document.createTextNode(part.text));
        });
        li.appendChild(snippet);
      }
      results.appendChild(li);
    });
  }

  // A link to another state of the page: a real address, followed in place.
  function stateLink(next, text) {
    var a = el('a', { href: query(next) }, text);
    a.addEventListener('click', function (e) {
      e.preventDefault();
      go(next);
      window.scrollTo(0, 0);
    });
    return a;
  }

  function renderPager(total) {
    clear(pager);
    var pages = Math.ceil(total / PAGE_SIZE);
    if (pages <= 1) return;
    function link(page, text, label) {
      var next = copy(state);
      next.page = page;
      var a = stateLink(next, text);
      if (label) a.setAttribute('aria-label', label);
      if (page === state.page) a.setAttribute('aria-current', 'page');
      pager.appendChild(a);
    }
    if (state.page > 1) link(state.page - 1, '上一页');
    var from = Math.max(1, state.page - 4), to = Math.min(pages, from + 8);
    for (var p = from; p <= to; p++) link(p, String(p), '第 ' + p + ' 页');
    if (state.page < pages) link(state.page + 1, '下一页');
  }

  // What the words typed so far need loads while the user goes on typing
  // (once the input has rested 150 ms; not an input method's letters
  // before it commits them as words).
  var typing = 0;
  input.addEventListener('input', function (e) {
    clearTimeout(typing);
    if (e.isComposing) return;
    var typed = input.value;
    typing = setTimeout(function () { engine.prefetch(typed); }, 150);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(typing);
    var next = copy(state);
    next.q = input.value;
    next.page = 1;
    go(next);
  });
  sort.addEventListener('change', function () {
    var next = copy(state);
    next.sort = sort.value;
    next.page = 1;
    go(next);
  });
  window.addEventListener('popstate', function () {
    state = readState(location.search);
    run();
  });
  run();
})();
