{{%AUTOESCAPE context="HTML"}}<h1>页面未找到</h1>
<p>您要找的页面不存在，可能已被移动或删除。</p>
<p><a href="{{home}}">返回概览</a></p>
