{{%AUTOESCAPE context="HTML"}}<article class="report">
<header class="report-head">
<h1>{{title}}</h1>
<dl class="facts">
<dt>日期</dt><dd><a href="{{year_href}}">{{date}}</a></dd>
<dt>单位</dt><dd>{{#units}}<a href="{{href}}">{{title}}</a>{{#units_separator}}、{{/units_separator}}{{/units}}</dd>
{{#has_kind}}<dt>类型</dt><dd>{{kind}}</dd>{{/has_kind}}
<dt>主题</dt><dd>{{#topics}}<a class="tag" href="{{href}}">{{title}}</a> {{/topics}}{{#no_topics}}—{{/no_topics}}</dd>
<dt>法规</dt><dd>{{#regulations}}<a class="tag" href="{{href}}">{{title}}</a> {{/regulations}}{{#no_regulations}}—{{/no_regulations}}</dd>
</dl>
</header>
{{#has_items}}<section class="item-summary" aria-label="问题和整改措施">
<h2>存在的问题（{{issues}}）</h2>
{{>issue_list}}
<h2>整改措施（{{measures}}）</h2>
{{>measure_list}}
</section>{{/has_items}}
<div class="body">
{{#body_parts}}{{html:none}}{{>box}}{{/body_parts}}
</div>
{{#has_cards}}<h2>正文未标注的问题和措施</h2>
{{#cards}}<section class="item item-{{kind}}" id="{{id}}">
<h3>{{title}}</h3>
{{>box}}
</section>
{{/cards}}{{/has_cards}}
</article>
