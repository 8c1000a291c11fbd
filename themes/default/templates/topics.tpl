{{%AUTOESCAPE context="HTML"}}<h1>主题</h1>
<ul class="topics">
{{#topics}}<li><a class="tag" href="{{href}}">{{title}}</a> <span class="count">{{reports}} 份报告</span></li>
{{/topics}}</ul>
