# A string literal missing its closing quote.
name = "stitch"
greeting = "hello, 
print(greeting, name)
