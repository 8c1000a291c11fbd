{{%AUTOESCAPE context="HTML"}}<h1>搜索</h1>
<form class="search-form" id="search-form" action="index.html" method="get" role="search">
<label for="search-q">搜索词</label>
<input type="search" id="search-q" name="q" autocomplete="off" placeholder="输入词语，如：意识形态 整改">
<button type="submit">搜索</button>
</form>
<p class="search-help">找出含有每个词的报告、问题和整改措施（按原文逐字匹配，词之间用空格分开），可按类型、单位、主题、年度、类别和法规筛选。</p>
<noscript><p class="notice">搜索需要浏览器启用 JavaScript。</p></noscript>
<div id="search" class="search" data-index="static/" data-root="../">
<p class="search-status" id="search-status" role="status" aria-live="polite"></p>
<div class="search-tools" id="search-tools" hidden>
<div class="search-types" id="search-types" role="group" aria-label="类型"></div>
<label class="search-sort">排序
<select id="search-sort">
<option value="relevance">按相关度</option>
<option value="date">按日期（新的在前）</option>
</select>
</label>
</div>
<div class="search-body">
<div class="search-facets" id="search-facets"></div>
<div class="search-main">
<ol class="search-results" id="search-results"></ol>
<nav class="pager" id="search-pager" aria-label="结果分页"></nav>
</div>
</div>
</div>
<script src="{{theme}}search-index.js"></script>
<script src="static/meta.js"></script>
<script src="{{theme}}search-engine.js"></script>
<script src="{{theme}}search-api.js"></script>
<script src="{{theme}}search-page.js"></script>
