{{%AUTOESCAPE context="HTML"}}<h1>单位</h1>
<ul class="unit-tree">
{{#units}}<li class="depth-{{depth}}"><a href="{{href}}">{{title}}</a> <span class="count">{{reports}} 份报告</span>{{#unregistered}} <span class="unregistered">未登记</span>{{/unregistered}}</li>
{{/units}}</ul>
