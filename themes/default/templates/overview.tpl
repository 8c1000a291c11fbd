{{%AUTOESCAPE context="HTML"}}<h1>{{site_title}}</h1>
{{#has_description}}<p class="lead">{{description}}</p>{{/has_description}}
<ul class="counts">
<li><span class="n">{{reports_count}}</span> 份报告</li>
<li><span class="n">{{issues_count}}</span> 个问题</li>
<li><span class="n">{{measures_count}}</span> 项措施</li>
<li><span class="n">{{regulations_count}}</span> 部法规</li>
<li><span class="n">{{units_count}}</span> 个单位</li>
</ul>
<h2>问题整改状态 <small>截至 {{as_of}}</small></h2>
<ul class="counts statuses">
{{#statuses}}<li><span class="status status-{{status}}">{{label}}</span> <span class="n">{{count}}</span></li>
{{/statuses}}</ul>
<h2>逾期和待整改的问题 <small>共 {{attention_total}} 个</small></h2>
{{>attention}}
{{#attention_more}}<p><a href="{{ledger_href}}">在整改台账中查看全部</a></p>{{/attention_more}}
<h2>最新报告</h2>
{{>latest}}
<h2>年度</h2>
<ul class="years">
{{#years}}<li><a href="{{href}}">{{year}}年</a> <span class="count">{{count}} 份报告</span></li>
{{/years}}</ul>
