# Helper package (not a program): re-exports from a submodule.
from textkit.words import count_words, top_words
