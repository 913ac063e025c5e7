# is* predicates on non-ASCII code points
samples = ["é", "ñ", "É", "ǅ", "٣", "²", "½", "Ⅻ", "一", "六", "𝟙", "١٢٣", "\u3000", "\xa0", "\u2028", "\u200b", "\u0378",
           "\ue000", "\ud800", "😀", "ß", "ʰ", "ª", "ǈa", "Σσ", "Ab Ǆx", "x\u0301", "\u0301", "〇", "𒐀", "\U00010ffd",
           "\x85", "\x1c", "ⓐ", "Ⓐ", "ᾈ", "ı", "Ⅰ", "ⅰ", "𝐀", "𝐚"]
for s in samples:
    print(ascii(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
