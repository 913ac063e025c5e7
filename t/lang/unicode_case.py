# full Unicode case mappings, special casing and final sigma
tests = ["straße", "ß", "ŉ", "ǰ", "ﬁ", "ﬀl", "İstanbul", "ǅungla", "ǆ", "ΣΊΣΥΦΟΣ", "ΌΣΟΣ Σ", "ΑΣ.Σ", "aΣb", "Σ", "aΣ", "aΣ'",
         "ΐ", "Ωmega", "ÀÉÎÕÜ", "àéîõü", "ⅷ", "Ⓐⓑ", "𐐀𐐨", "ꭰ", "ǈ", "ß ß", "ﬃ ﬄ", "ﬆ", "Ǳ", "ῼ", "ᾳ", "ﬓ", "hello WORLD ÿ"]
for s in tests:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
print("ß".upper() == "SS", "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("ΑΣ ΣΑ".lower(), "ΑΣ".lower(), "Σ".lower(), "AΣ1".lower())
print("grüße".casefold() == "GRÜSSE".casefold())
print("ǳ".title(), "ǳa".capitalize(), "ǲ".swapcase(), "ǲ".upper(), "ǲ".lower())
