/* Plain C (no clang extensions), covering what the stencil fixture does not:
   initialized and read-only data, a string literal, a zero-initialized static,
   a tentative (COMMON) definition, relocations inside data (to an external
   symbol and to a local function), and a call to an external function. */
extern long external_value;
extern long external_function(long);

long counter = 7;
const long table[3] = {10, 20, 30};
long *value_pointer = &external_value;
static long zeroed;
long tentative;

static long
helper(long x)
{
    return x * 3 + zeroed;
}

long (*helper_pointer)(long) = helper;

const char *
greeting(void)
{
    return "hello";
}

long
plain(long i)
{
    zeroed += i;
    tentative = counter;
    return external_function(helper(table[i & 1]) + external_value);
}
