{{%AUTOESCAPE context="HTML"}}<article class="topic">
<h1>{{title}}</h1>
<div class="body">
{{description:none}}
</div>
<h2>报告</h2>
{{>reports}}
</article>
