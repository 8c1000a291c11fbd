{{%AUTOESCAPE context="HTML"}}<h1>年度</h1>
<ul class="years">
{{#years}}<li><a href="{{href}}">{{year}}年</a> <span class="count">{{count}} 份报告</span></li>
{{/years}}</ul>
