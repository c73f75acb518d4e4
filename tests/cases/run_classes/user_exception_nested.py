# An exception class nested in a class: its qualified name is shown.
class Parser:
    class Error(Exception):
        pass

    def parse(self, text):
        if not text:
            raise Parser.Error("empty input", 0)
        return text.split()


print(Parser().parse("a b"), Parser.Error.__qualname__)
Parser().parse("")
