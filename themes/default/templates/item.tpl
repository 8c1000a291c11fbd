{{%AUTOESCAPE context="HTML"}}<div class="item-box">
{{#self}}<p class="item-meta">{{#is_issue}}<span class="kind">问题</span>{{/is_issue}}{{#is_measure}}<span class="kind">整改措施</span>{{/is_measure}} <span class="item-id">{{id}}</span> <span class="status status-{{status}}">{{status_label}}</span>{{#has_owner}} <span class="owner">责任单位：{{owner}}</span>{{/has_owner}}{{#has_due}} <span class="due">完成时限：{{due}}</span>{{/has_due}}</p>{{/self}}
{{#has_regulations}}<p class="item-regs">涉及法规：{{#regulations}}《<a href="{{href}}">{{title}}</a>》{{/regulations}}</p>{{/has_regulations}}
{{#is_issue}}{{#has_links}}<p class="links-label">整改措施：</p>
<ul class="item-links">
{{#links}}<li><a href="{{href}}">{{id}} {{title}}</a>{{#other_report}} <span class="in-report">（见<a href="{{report_href}}">{{report_title}}</a>）</span>{{/other_report}} <span class="status status-{{status}}">{{status_label}}</span>{{#has_owner}} <span class="owner">责任单位：{{owner}}</span>{{/has_owner}}{{#has_due}} <span class="due">时限：{{due}}</span>{{/has_due}}</li>
{{/links}}</ul>{{/has_links}}
{{#no_links}}<p class="links-label none">尚无整改措施。</p>{{/no_links}}{{/is_issue}}
{{#is_measure}}{{#has_links}}<p class="links-label">针对问题：</p>
<ul class="item-links">
{{#links}}<li><a href="{{href}}">{{id}} {{title}}</a>{{#other_report}} <span class="in-report">（见<a href="{{report_href}}">{{report_title}}</a>）</span>{{/other_report}} <span class="status status-{{status}}">{{status_label}}</span></li>
{{/links}}</ul>{{/has_links}}
{{#no_links}}<p class="links-label none">未关联问题。</p>{{/no_links}}{{/is_measure}}
</div>
