/**
 * Declarations in the token stream: one that gives a variable a value computes something and
 * stays (C++'s constructor forms included: `Account a(100);`, `int x{5};`); one that only
 * names a variable (`int n;`) vanishes, so declaring early or late changes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageByName } from './languages.js';
import { tokenizeCode } from './tokenize.js';

const kinds = async (text: string, lang: string) =>
  (await tokenizeCode(text, languageByName(lang)!)).filter((t) => !t.kind.startsWith('\u27e8') && t.kind !== '\u27e9').map((t) => t.kind).join(' ');

test('C++: a variable initialised by constructor arguments or braces is an assignment, like one with "="', async () => {
  const body = (decl: string) => `int main() { ${decl} return 0; }`;
  const equals = await kinds(body('Account a = Account(100);'), 'cpp');
  const parens = await kinds(body('Account a(100);'), 'cpp');
  const braces = await kinds(body('int x{5};'), 'cpp');
  const bare = await kinds(body('int n;'), 'cpp');
  assert.ok(parens.includes('ASSIGN ID LIT'), parens);
  assert.ok(braces.includes('ASSIGN ID initializer_list LIT'), braces);
  assert.ok(equals.includes('ASSIGN ID'), equals);
  assert.ok(!bare.includes('ASSIGN') && !bare.includes('ID ID'), bare);
  assert.equal(bare, await kinds(body(''), 'cpp'));
});

test('C: a declaration without a value vanishes, one with a value stays', async () => {
  assert.equal(await kinds('int main(void) { int n; return 0; }', 'c'), await kinds('int main(void) { return 0; }', 'c'));
  assert.ok((await kinds('int main(void) { int n = 3; return n; }', 'c')).includes('ASSIGN ID LIT'));
});

test('C++: a type written with its namespace (std::vector<int>) vanishes as the bare type does; a qualified variable or call stays', async () => {
  const body = (decls: string) => `int sum(const ${decls}& v) { ${decls.includes('std::') ? 'std::' : ''}size_t i = 0; return v[i]; }`;
  assert.equal(await kinds(body('std::vector<int>'), 'cpp'), await kinds(body('vector<int>'), 'cpp'));
  const nested = await kinds('void f() { std::chrono::seconds x = g(); }', 'cpp');
  assert.equal(nested, await kinds('void f() { seconds x = g(); }', 'cpp'));
  // Names of variables and functions keep their one ID, with or without the namespace.
  const qualified = await kinds('int main() { std::cout << std::max(1, 2) << std::endl; return 0; }', 'cpp');
  assert.equal(qualified, await kinds('int main() { cout << max(1, 2) << endl; return 0; }', 'cpp'));
  assert.ok(qualified.includes('ID << CALL ID LIT LIT << ID'), qualified);
});

test('C++: in a function body, "vector<int> v(n);" builds an object (the grammar reads a function declaration); a prototype still vanishes', async () => {
  const body = (decl: string) => `int main() { int n = 3; ${decl} return 0; }`;
  const vexing = await kinds(body('vector<int> v(n);'), 'cpp');
  assert.ok(vexing.includes('ASSIGN ID ID'), vexing);
  // Bare names as arguments read as the arguments of a construction the grammar does parse (a literal among them).
  assert.ok((await kinds(body('Account a(owner, bank);'), 'cpp')).includes('ASSIGN ID ID ID RETURN'));
  assert.ok((await kinds(body('Account a(owner, bank, 1);'), 'cpp')).includes('ASSIGN ID ID ID LIT RETURN'));
  // A real prototype (a parameter of a built-in type) inside a body, and one at file level, still vanish.
  assert.equal(await kinds(body('int helper(int);'), 'cpp'), await kinds(body(''), 'cpp'));
  assert.equal(await kinds(`int helper(int);\n${body('')}`, 'cpp'), await kinds(body(''), 'cpp'));
  // C has no constructors: there it stays a declaration of a function.
  assert.equal(await kinds('int main(void) { foo bar(baz); return 0; }', 'c'), await kinds('int main(void) { return 0; }', 'c'));
});

test('C++: template arguments are types; a templated name reads as its bare name', async () => {
  const body = (expr: string) => `int main() { int m = ${expr}; return m; }`;
  assert.equal(await kinds(body('max<int>(a, b)'), 'cpp'), await kinds(body('max(a, b)'), 'cpp'));
  const made = await kinds('int main() { vector<int> v = vector<int>(5); return 0; }', 'cpp');
  assert.ok(!made.includes('<') && !made.includes('template'), made);
});

test('C++: a member function declared in a class (a header) is a function with its parameters, as a Java abstract method is; a function pointer or a field still vanishes', async () => {
  const header = `class Account {
public:
    Account(const std::string& owner, double balance);
    ~Account();
    void deposit(double amount);
    Account* find(const std::string& name);
    const std::string& owner() const;
    bool operator==(const Account& other) const;
private:
    double balance_;
    int (*callback)(int);
};`;
  const read = await kinds(header, 'cpp');
  // Six prototypes: constructor, destructor, deposit, find (returns a pointer), owner (a reference), operator==.
  assert.equal(read.split(' ').filter((k) => k === 'FUNCTION').length, 6, read);
  assert.ok(read.includes('FUNCTION ID FUNCTION'), `deposit(double amount) keeps its parameter's name: ${read}`);
  // The field and the function pointer add nothing: without them the class reads the same.
  assert.equal(read, await kinds(header.replace('    double balance_;\n', '').replace('    int (*callback)(int);\n', ''), 'cpp'));
  // Renaming every member and parameter changes nothing.
  const renamed = header.replace(/Account/g, 'Konto').replace(/deposit/g, 'putIn').replace(/amount/g, 'value').replace(/owner/g, 'holder').replace(/find/g, 'lookup');
  assert.equal(await kinds(renamed, 'cpp'), read);
  // Outside a class a prototype is still a forward declaration and vanishes.
  assert.equal(await kinds('void deposit(double amount);\nint main() { return 0; }', 'cpp'), await kinds('int main() { return 0; }', 'cpp'));
});
