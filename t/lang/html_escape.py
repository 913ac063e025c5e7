# html.escape and html.unescape
import html

for s in ["", "plain", "<a href=\"x\">'it' & co</a>", "&amp;", "\u00e9<\u20ac>"]:
    print(repr(s), repr(html.escape(s)), repr(html.escape(s, quote=False)))

for s in ["", "no refs", "&amp; &lt; &gt; &quot; &#39; &#x27; &apos;", "&amp;amp;",
          "&copy; &copy &nbsp;x &eacute;t&eacute; &Eacute;", "&euro;&hellip;&mdash;&ndash;&trade;",
          "&#65;&#x42;&#X43;&#0068;", "&#65 &#x42 z", "&#0; &#x110000; &#xD800; &#128; &#150; &#x9f;",
          "&#1114111;", "&#xFFFE;", "&unknown; &amp", "&ampx &ltfoo &notit; &notin;",
          "& alone &; &#; &#x; &#xZ;", "&lt;script&gt;alert(1)&lt;/script&gt;",
          "&AMP; &LT; &QUOT;", "&alpha;&beta;&Omega;&rarr;&hearts;", "&#9999999999;"]:
    print(repr(s), repr(html.unescape(s)))
print(html.unescape(html.escape("<&>\"'")) == "<&>\"'")
