{{%AUTOESCAPE context="HTML"}}<h1>整改台账</h1>
<p class="lead">每个问题的整改措施、责任单位、完成时限和状态（截至 {{as_of}}）。<a class="download" href="{{csv_href}}" download>下载 Excel 表格（CSV）</a></p>
<ul class="counts statuses">
{{#statuses}}<li><span class="status status-{{status}}">{{label}}</span> <span class="n">{{count}}</span></li>
{{/statuses}}</ul>
<table class="ledger">
<thead><tr><th scope="col" class="c-status">问题状态</th><th scope="col" class="c-issue">问题</th><th scope="col" class="c-report">报告 / 单位</th><th scope="col" class="c-regs">涉及法规</th><th scope="col">整改措施（状态 · 措施 · 责任单位 · 完成时限）</th></tr></thead>
{{rows:none}}</table>
