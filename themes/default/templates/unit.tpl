{{%AUTOESCAPE context="HTML"}}<article class="unit">
<h1>{{title}}</h1>
<dl class="facts">
{{#has_aliases}}<dt>又称</dt><dd>{{aliases}}</dd>{{/has_aliases}}
{{#parent}}<dt>上级单位</dt><dd><a href="{{href}}">{{title}}</a></dd>{{/parent}}
{{#unregistered}}<dt>登记</dt><dd>单位登记表中没有此单位</dd>{{/unregistered}}
</dl>
<div class="body">
{{description:none}}
</div>
<h2>本单位的报告</h2>
{{>reports}}
{{#has_children}}<h2>下属单位</h2>
{{#children}}<section class="child-unit">
<h3><a href="{{href}}">{{title}}</a></h3>
{{>child_reports}}
</section>
{{/children}}{{/has_children}}
<h2>问题（含下属单位）</h2>
{{>issues}}
</article>
