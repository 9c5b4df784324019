# A package that re-exports names from a submodule in its __init__.
from textkit import count_words, top_words
import textkit
import textkit.words
text = "The cat and the hat. The end, and the start; a cat!"
print(count_words(text))
print(top_words(text, 3))
print(textkit.count_words is textkit.words.count_words)
print(textkit.top_words("b a b c c c", 2))
