"""Reference data from CPython 3.11 for the Stitch compiler tests.

Reads a JSON list of source snippets on stdin and writes, for each, the snippet's AST in the
shape of org.stitchjit.runtime.ast.Node and CPython's bytecode normalized to Stitch's
instruction set (see the Opcode javadoc): no RESUME/PRECALL/CACHE/EXTENDED_ARG/MAKE_CELL/
COPY_FREE_VARS/RETURN_GENERATOR, PUSH_NULL instead of LOAD_GLOBAL's NULL bit, one
POP_JUMP_IF_X for both directions, jump targets as instruction indices.
"""
import ast
import dis
import json
import symtable
import sys
import types

RENAMED = {
    "Module": "Mod", "Expr": "ExprStmt", "Dict": "DictExpr", "Set": "SetExpr",
    "List": "ListExpr", "Tuple": "TupleExpr", "arguments": "Arguments", "arg": "Arg",
    "keyword": "Keyword", "alias": "Alias", "withitem": "WithItem",
    "comprehension": "Comprehension",
}
# Java record component order, without line/col.
FIELDS = {
    "Mod": ["body"],
    "FunctionDef": ["name", "args", "body", "decorator_list", "returns"],
    "ClassDef": ["name", "bases", "keywords", "body", "decorator_list"],
    "Return": ["value"], "Delete": ["targets"], "Assign": ["targets", "value"],
    "AugAssign": ["target", "op", "value"], "AnnAssign": ["target", "annotation", "value"],
    "For": ["target", "iter", "body", "orelse"], "While": ["test", "body", "orelse"],
    "If": ["test", "body", "orelse"], "With": ["items", "body"], "Raise": ["exc", "cause"],
    "Try": ["body", "handlers", "orelse", "finalbody"], "Assert": ["test", "msg"],
    "Import": ["names"], "ImportFrom": ["module", "names", "level"], "Global": ["names"],
    "Nonlocal": ["names"], "ExprStmt": ["value"], "Pass": [], "Break": [], "Continue": [],
    "BoolOp": ["op", "values"], "NamedExpr": ["target", "value"],
    "BinOp": ["left", "op", "right"], "UnaryOp": ["op", "operand"],
    "Lambda": ["args", "body"], "IfExp": ["test", "body", "orelse"],
    "DictExpr": ["keys", "values"], "SetExpr": ["elts"], "ListComp": ["elt", "generators"],
    "SetComp": ["elt", "generators"], "DictComp": ["key", "value", "generators"],
    "GeneratorExp": ["elt", "generators"], "Yield": ["value"], "YieldFrom": ["value"],
    "Compare": ["left", "ops", "comparators"], "Call": ["func", "args", "keywords"],
    "FormattedValue": ["value", "conversion", "format_spec"], "JoinedStr": ["values"],
    "Constant": ["value"], "Attribute": ["value", "attr", "ctx"],
    "Subscript": ["value", "slice", "ctx"], "Starred": ["value", "ctx"],
    "Name": ["id", "ctx"], "ListExpr": ["elts", "ctx"], "TupleExpr": ["elts", "ctx"],
    "Slice": ["lower", "upper", "step"],
    "Arguments": ["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg",
                  "defaults"],
    "Arg": ["arg", "annotation"], "Keyword": ["arg", "value"], "Alias": ["name", "asname"],
    "WithItem": ["context_expr", "optional_vars"], "ExceptHandler": ["type", "name", "body"],
    "Comprehension": ["target", "iter", "ifs"],
}
ENUMS = {
    "Load": "LOAD", "Store": "STORE", "Del": "DEL", "And": "AND", "Or": "OR",
    "Add": "ADD", "Sub": "SUB", "Mult": "MULT", "MatMult": "MATMULT", "Div": "DIV",
    "Mod": "MOD", "Pow": "POW", "LShift": "LSHIFT", "RShift": "RSHIFT", "BitOr": "BITOR",
    "BitXor": "BITXOR", "BitAnd": "BITAND", "FloorDiv": "FLOORDIV", "Invert": "INVERT",
    "Not": "NOT", "UAdd": "UADD", "USub": "USUB", "Eq": "EQ", "NotEq": "NOT_EQ", "Lt": "LT",
    "LtE": "LT_E", "Gt": "GT", "GtE": "GT_E", "Is": "IS", "IsNot": "IS_NOT", "In": "IN",
    "NotIn": "NOT_IN",
}


def const(v):
    if v is None:
        return ["$c", "none", ""]
    if v is Ellipsis:
        return ["$c", "ellipsis", ""]
    if isinstance(v, bool):
        return ["$c", "bool", str(v)]
    if isinstance(v, int):
        return ["$c", "int", str(v)]
    if isinstance(v, float):
        return ["$c", "float", repr(v)]
    if isinstance(v, str):
        return ["$c", "str", v]
    raise ValueError("unsupported constant %r" % (v,))


def conv(node, pos=None):
    if node is None:
        return None
    if isinstance(node, list):
        return [conv(n, pos) for n in node]
    if isinstance(node, str):
        return node
    if isinstance(node, int):
        return node
    if isinstance(node, (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)):
        return ENUMS[type(node).__name__]
    kind = type(node).__name__
    name = RENAMED.get(kind, kind)
    if name not in FIELDS:
        raise ValueError("unsupported node " + kind)
    line = getattr(node, "lineno", None)
    col = getattr(node, "col_offset", None)
    if line is None:
        # arguments, withitem and comprehension carry no position in CPython's AST.
        first = {"WithItem": "context_expr", "Comprehension": "target"}.get(name)
        if first is not None:
            line, col = getattr(node, first).lineno, getattr(node, first).col_offset
        else:
            line, col = pos if pos else (1, 0)
    out = [name]
    for f in FIELDS[name]:
        v = getattr(node, f)
        if name == "Constant":
            out.append(const(v))
        else:
            out.append(conv(v, (line, col)))
    out.extend([line, col])
    return out


SKIP = {"RESUME", "PRECALL", "CACHE", "EXTENDED_ARG", "MAKE_CELL", "COPY_FREE_VARS"}
NAME_OPS = {"LOAD_NAME", "STORE_NAME", "DELETE_NAME", "LOAD_GLOBAL", "STORE_GLOBAL",
            "DELETE_GLOBAL", "LOAD_ATTR", "STORE_ATTR", "DELETE_ATTR", "LOAD_METHOD",
            "IMPORT_NAME", "IMPORT_FROM", "LOAD_FAST", "STORE_FAST", "DELETE_FAST",
            "LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF", "LOAD_CLOSURE", "LOAD_CLASSDEREF"}


def const_repr(v):
    if isinstance(v, types.CodeType):
        return "<code %s>" % v.co_name
    if isinstance(v, tuple):
        inner = ", ".join(const_repr(x) for x in v)
        return "(" + inner + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, frozenset):
        return "frozenset"
    return repr(v)


def normalize(code):
    raw = list(dis.get_instructions(code))
    table = dis._parse_exception_table(code)
    positions = list(code.co_positions())
    out = []  # (opname, arg, line, offset, jump target offset or None)
    skip_pop = False
    for ins in raw:
        op = ins.opname
        if op == "RETURN_GENERATOR":
            skip_pop = True
            continue
        if skip_pop and op == "POP_TOP":
            skip_pop = False
            continue
        skip_pop = False
        if op in SKIP:
            continue
        line = positions[ins.offset // 2][0]
        target = None
        if op == "LOAD_GLOBAL" and ins.arg & 1:
            out.append(["PUSH_NULL", "", line, ins.offset, None])
        for prefix in ("POP_JUMP_FORWARD_IF_", "POP_JUMP_BACKWARD_IF_"):
            if op.startswith(prefix):
                op = "POP_JUMP_IF_" + op[len(prefix):]
        if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
            target = ins.argval
            arg = None
        elif op in NAME_OPS:
            arg = ins.argval
        elif op == "LOAD_CONST":
            arg = const_repr(ins.argval)
        elif op == "KW_NAMES":
            arg = const_repr(code.co_consts[ins.arg])
        elif op == "COMPARE_OP":
            arg = ins.argrepr
        elif ins.arg is None:
            arg = ""
        else:
            arg = str(ins.arg)
        out.append([op, arg, line, ins.offset, target])
    index_at = {}
    for i, ins in enumerate(out):
        index_at.setdefault(ins[3], i)
    def index_of(offset):
        best = None
        for i, ins in enumerate(out):
            if ins[3] >= offset:
                return i
        return len(out)
    instrs = []
    for ins in out:
        handler = None
        for e in table:
            if e.start <= ins[3] < e.end:
                handler = [index_of(e.target), e.depth, bool(e.lasti)]
        arg = ins[1] if ins[4] is None else "->%d" % index_of(ins[4])
        instrs.append([ins[0], arg, ins[2], handler])
    consts = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    return {
        "name": code.co_name, "qualname": code.co_qualname,
        "argcount": code.co_argcount, "posonly": code.co_posonlyargcount,
        "kwonly": code.co_kwonlyargcount, "flags": code.co_flags & 0x3f,
        "stacksize": code.co_stacksize, "firstline": code.co_firstlineno,
        "cellvars": sorted(code.co_cellvars), "freevars": list(code.co_freevars),
        "instrs": instrs, "children": [normalize(c) for c in consts],
    }


def scopes(table):
    """Each block's names with CPython's resolved scope (1 LOCAL .. 5 CELL)."""
    syms = {}
    for sym in table.get_symbols():
        syms[sym.get_name()] = sym._Symbol__scope
    return {"type": table.get_type(), "name": table.get_name(), "symbols": syms,
            "children": [scopes(c) for c in table.get_children()]}


def main():
    sources = json.load(sys.stdin)
    result = []
    for src in sources:
        entry = {}
        try:
            tree = ast.parse(src, "<snippet>")
            entry["ast"] = conv(tree)
        except Exception as e:  # noqa: BLE001 - reported to the Java side
            entry["astError"] = "%s: %s" % (type(e).__name__, e)
        try:
            entry["code"] = normalize(compile(src, "<snippet>", "exec"))
            entry["symtable"] = scopes(symtable.symtable(src, "<snippet>", "exec"))
        except SyntaxError as e:
            entry["error"] = {"msg": e.msg, "line": e.lineno, "col": e.offset}
        result.append(entry)
    json.dump(result, sys.stdout)


main()
