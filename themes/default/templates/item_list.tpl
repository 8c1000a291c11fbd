{{%AUTOESCAPE context="HTML"}}{{#table}}<table class="item-list">
<thead><tr><th scope="col" class="c-status">状态</th><th scope="col" class="c-id">编号</th><th scope="col">内容</th>{{#with_report}}<th scope="col" class="c-report">报告</th>{{/with_report}}</tr></thead>
<tbody>
{{#items}}<tr><td><span class="status status-{{status}}">{{status_label}}</span></td><td class="item-id">{{id}}</td><td><a href="{{href}}">{{title}}</a>{{#has_owner}} <span class="owner">{{owner}}</span>{{/has_owner}}{{#has_due}} <span class="due">{{due}}</span>{{/has_due}}</td>{{#with_report}}<td>{{/with_report}}{{#other_report}}<a href="{{report_href}}">{{report_title}}</a> <span class="date">{{report_date}}</span>{{/other_report}}{{#with_report}}</td>{{/with_report}}</tr>
{{/items}}</tbody>
</table>
{{/table}}{{#none}}<p class="empty">暂无。</p>
{{/none}}
