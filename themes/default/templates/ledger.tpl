{{%AUTOESCAPE context="HTML"}}<h1>整改台账</h1>
<p class="lead">每个问题的整改措施、责任单位、完成时限和状态（截至 {{as_of}}）。<a class="download" href="{{csv_href}}" download>下载 Excel 表格（CSV）</a></p>
<ul class="counts statuses">
{{#statuses}}<li><span class="status status-{{status}}">{{label}}</span> <span class="n">{{count}}</span></li>
{{/statuses}}</ul>
<table class="ledger">
<thead><tr><th scope="col" class="c-status">问题状态</th><th scope="col" class="c-issue">问题</th><th scope="col" class="c-report">报告 / 单位</th><th scope="col" class="c-regs">涉及法规</th><th scope="col">整改措施（状态 · 措施 · 责任单位 · 完成时限）</th></tr></thead>
<tbody>
{{#issues}}<tr><td><span class="status status-{{status}}">{{status_label}}</span></td><td><a href="{{href}}">{{id}} {{title}}</a></td><td><a href="{{report_href}}">{{report_title}}</a> <span class="date">{{report_date}}</span><br>{{#units}}<a href="{{href}}">{{title}}</a>{{#units_separator}}、{{/units_separator}}{{/units}}</td><td>{{#regulations}}《<a href="{{href}}">{{title}}</a>》{{/regulations}}</td><td>{{#measures}}<div class="measure"><span class="status status-{{status}}">{{status_label}}</span> <a href="{{href}}">{{id}} {{title}}</a><span class="m-meta">{{#has_owner}} · {{owner}}{{/has_owner}}{{#has_due}} · {{due}}{{/has_due}}</span></div>{{/measures}}{{#no_measures}}<span class="none">尚无整改措施</span>{{/no_measures}}</td></tr>
{{/issues}}</tbody>
</table>
