{{%AUTOESCAPE context="HTML"}}<h1>法规制度</h1>
<table class="regulations">
<thead><tr><th scope="col">名称</th><th scope="col">简称</th><th scope="col">发布机关</th><th scope="col">发布日期</th><th scope="col" class="num">引用报告</th><th scope="col" class="num">涉及问题和措施</th></tr></thead>
<tbody>
{{#regulations}}<tr><td><a href="{{href}}">{{title}}</a>{{#has_status}} <span class="reg-status reg-status-{{status}}">{{status_label}}</span>{{/has_status}}</td><td>{{aliases}}</td><td>{{issuer}}</td><td class="date">{{issued}}</td><td class="num">{{reports}}</td><td class="num">{{items}}</td></tr>
{{/regulations}}</tbody>
</table>
