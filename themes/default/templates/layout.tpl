{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · {{site_title}}</title>
{{#has_description}}<meta name="description" content="{{site_description}}">
{{/has_description}}<meta name="generator" content="dossier">
<link rel="stylesheet" href="{{theme}}style.css">
<link rel="stylesheet" href="{{theme}}print.css" media="print">
</head>
<body class="page-{{page_kind}}">
<a class="skip" href="#_main">跳到正文</a>
<header class="site-header">
<div class="wrap">
<a class="site-title" href="{{home}}">{{site_title}}</a>
<nav class="site-nav" aria-label="主导航">
<ul>
{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
{{/nav}}
</ul>
</nav>
<form class="site-search" action="{{search}}" method="get" role="search">
<input type="search" name="q" placeholder="搜索报告、问题、措施" aria-label="搜索全文" required>
<button type="submit">搜索</button>
</form>
</div>
</header>
<main id="_main" class="wrap">
{{>content}}
</main>
<footer class="site-footer">
<div class="wrap">{{site_title}} · 整改状态截至 {{as_of}} · 由 dossier 生成</div>
</footer>
</body>
</html>
