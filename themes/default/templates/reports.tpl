{{%AUTOESCAPE context="HTML"}}<h1>全部报告</h1>
<p class="lead">共 {{count}} 份报告，按日期排列。</p>
{{>reports}}
