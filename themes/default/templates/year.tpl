{{%AUTOESCAPE context="HTML"}}<h1>{{year}}年</h1>
<h2>报告</h2>
{{>reports}}
<h2>问题</h2>
{{>issues}}
