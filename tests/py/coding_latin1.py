# -*- coding: latin-1 -*-
# A PEP 263 coding cookie: this file is Latin-1, so the e acute below is the single
# byte 0xE9, and the string has 4 characters.
word = "café"
print(word, len(word), ord(word[-1]))
