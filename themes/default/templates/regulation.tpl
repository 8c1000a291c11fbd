{{%AUTOESCAPE context="HTML"}}<article class="regulation">
<h1>{{title}}</h1>
<dl class="facts">
{{#has_aliases}}<dt>简称</dt><dd>{{aliases}}</dd>{{/has_aliases}}
{{#has_issuer}}<dt>发布机关</dt><dd>{{issuer}}</dd>{{/has_issuer}}
{{#has_issued}}<dt>发布日期</dt><dd>{{issued}}</dd>{{/has_issued}}
{{#has_number}}<dt>文号</dt><dd>{{number}}</dd>{{/has_number}}
{{#has_reg_status}}<dt>状态</dt><dd><span class="reg-status reg-status-{{reg_status}}">{{reg_status_label}}</span></dd>{{/has_reg_status}}
{{#superseded_by}}<dt>已被替代</dt><dd><a href="{{href}}">{{title}}</a></dd>{{/superseded_by}}
{{#supersedes}}<dt>替代</dt><dd><a href="{{href}}">{{title}}</a></dd>{{/supersedes}}
{{#has_url}}<dt>原文</dt><dd><a href="{{url}}" rel="external noreferrer">{{url}}</a></dd>{{/has_url}}
</dl>
<div class="body">
{{summary:none}}
</div>
<h2>引用它的报告</h2>
{{>reports}}
<h2>涉及它的问题</h2>
{{>issues}}
<h2>涉及它的整改措施</h2>
{{>measures}}
</article>
