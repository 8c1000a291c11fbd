{{%AUTOESCAPE context="HTML"}}{{#table}}<table class="report-list">
<thead><tr><th scope="col" class="c-date">日期</th><th scope="col">报告</th><th scope="col">单位</th><th scope="col">类型</th><th scope="col" class="num">问题</th><th scope="col" class="num">措施</th></tr></thead>
<tbody>
{{#reports}}<tr><td class="date">{{date}}</td><td><a href="{{href}}">{{title}}</a></td><td>{{#units}}<a href="{{href}}">{{title}}</a>{{#units_separator}}、{{/units_separator}}{{/units}}</td><td>{{kind}}</td><td class="num">{{issues}}</td><td class="num">{{measures}}</td></tr>
{{/reports}}</tbody>
</table>
{{/table}}{{#none}}<p class="empty">暂无报告。</p>
{{/none}}
