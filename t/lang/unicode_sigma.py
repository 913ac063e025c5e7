# final sigma rules in lower(), title(), capitalize(), swapcase()
words = ["ΣΟΦΟΣ", "ΟΔΥΣΣΕΥΣ", "Σ", "ΑΣ", "ΣΑ", "Α.Σ", "ΑΣ.", "ΑΣ'Β", "Α'Σ", "ΑΣ\u0301", "1Σ", "ΑΣ1", "ΑΣ Β",
         "ΑΣΣ", "ΑΣ Σ", "ΆΣ", "ΑΣ\u00ad", "ΑΣ\u00adΒ"]
for w in words:
    print(ascii(w), ascii(w.lower()), ascii(w.title()), ascii(w.capitalize()), ascii(w.swapcase()), ascii(w.casefold()))
