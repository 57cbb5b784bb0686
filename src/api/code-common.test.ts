/**
 * A code report says what the check left out as common code, and why:
 *
 *   12 submissions, each its own program, all starting with the same input helper the class was
 *   shown in a lecture ──► the helper is common code: not counted, and the report's filters say so
 *   (how many fingerprints, in how many of how many submissions)
 *   3 submissions ──► too few for the automatic check: the report says that instead
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { waitFor } from '../testing/server-process.js';

const HELPER = `def read_numbers(path):
    with open(path) as handle:
        return [float(x) for x in handle.read().split() if not x.startswith("#")]

`;

/** Twelve programs of their own (the exercises of a lab), written apart. */
const PROGRAMS = [
  `def sieve(limit):
    marks = [True] * (limit + 1)
    marks[0] = marks[1] = False
    for p in range(2, int(limit ** 0.5) + 1):
        if marks[p]:
            for q in range(p * p, limit + 1, p):
                marks[q] = False
    return [i for i, ok in enumerate(marks) if ok]

for n in read_numbers("limits.txt"):
    found = sieve(int(n))
    print(int(n), len(found), found[-5:])
`,
  `def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def lcm(a, b):
    return a * b // gcd(a, b)

pairs = read_numbers("pairs.txt")
for i in range(0, len(pairs) - 1, 2):
    a, b = int(pairs[i]), int(pairs[i + 1])
    print("gcd", gcd(a, b), "lcm", lcm(a, b))
`,
  `def bubble(items):
    items = list(items)
    swapped = True
    while swapped:
        swapped = False
        for i in range(len(items) - 1):
            if items[i] > items[i + 1]:
                items[i], items[i + 1] = items[i + 1], items[i]
                swapped = True
    return items

data = read_numbers("unsorted.txt")
print(bubble(data) == sorted(data), bubble(data)[:10])
`,
  `def search(sorted_values, target):
    low, high = 0, len(sorted_values) - 1
    while low <= high:
        mid = (low + high) // 2
        if sorted_values[mid] == target:
            return mid
        if sorted_values[mid] < target:
            low = mid + 1
        else:
            high = mid - 1
    return -1

values = sorted(read_numbers("haystack.txt"))
print([search(values, t) for t in (3.0, 7.5, 42.0)])
`,
  `import statistics

marks = read_numbers("marks.txt")
if marks:
    print("mean", round(statistics.mean(marks), 2))
    print("median", statistics.median(marks))
    spread = max(marks) - min(marks)
    print("range", spread)
    buckets = {}
    for m in marks:
        band = int(m // 10) * 10
        buckets[band] = buckets.get(band, 0) + 1
    for band in sorted(buckets):
        print(f"{band:3d}-{band + 9:3d} " + "*" * buckets[band])
`,
  `def fib_upto(bound):
    a, b = 0, 1
    out = []
    while a <= bound:
        out.append(a)
        a, b = b, a + b
    return out

bounds = read_numbers("bounds.txt")
longest = max((fib_upto(int(x)) for x in bounds), key=len, default=[])
print("terms:", len(longest))
print("even ones:", [t for t in longest if t % 2 == 0])
`,
  `def to_roman(number):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for value, letters in table:
        count, number = divmod(number, value)
        result += letters * count
    return result

for year in read_numbers("years.txt"):
    print(int(year), to_roman(int(year)))
`,
  `def multiply(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[r][k] * b[k][c] for k in range(inner)) for c in range(cols)] for r in range(rows)]

flat = read_numbers("matrix.txt")
size = int(len(flat) ** 0.5)
m = [flat[r * size:(r + 1) * size] for r in range(size)]
square = multiply(m, m)
trace = sum(square[i][i] for i in range(size))
print("trace of m squared:", trace)
`,
  `def collatz_length(start):
    steps = 0
    while start != 1:
        start = start // 2 if start % 2 == 0 else 3 * start + 1
        steps += 1
    return steps

seeds = [int(x) for x in read_numbers("seeds.txt") if x >= 1]
record = max(seeds, key=collatz_length, default=None)
if record is not None:
    print("longest chain starts at", record, "with", collatz_length(record), "steps")
`,
  `class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0.0
        self.history = []

    def apply(self, amount):
        if self.balance + amount < 0:
            raise ValueError("overdrawn")
        self.balance += amount
        self.history.append(amount)

acct = Account("lab")
for amount in read_numbers("moves.txt"):
    try:
        acct.apply(amount)
    except ValueError as e:
        print("refused", amount, e)
print(acct.owner, acct.balance, len(acct.history))
`,
  `def celsius(f):
    return (f - 32) * 5 / 9

readings = read_numbers("fahrenheit.txt")
converted = [celsius(f) for f in readings]
warm_days = sum(1 for c in converted if c > 20)
coldest = min(converted, default=float("nan"))
print("days above 20C:", warm_days)
print("coldest:", round(coldest, 1))
for f, c in zip(readings[:5], converted[:5]):
    print(f"{f:6.1f}F = {c:6.1f}C")
`,
  `def running_max_drawdown(prices):
    peak = prices[0] if prices else 0
    worst = 0.0
    for price in prices:
        peak = max(peak, price)
        if peak:
            worst = max(worst, (peak - price) / peak)
    return worst

prices = read_numbers("prices.txt")
print("max drawdown %.1f%%" % (100 * running_max_drawdown(prices)))
moving = [sum(prices[i - 3:i]) / 3 for i in range(3, len(prices) + 1)]
print("3-day averages:", [round(x, 2) for x in moving[:8]])
`,
];

let f: AppFixture;
before(async () => {
  f = await appFixture({ worker: true });
});
after(async () => f.close());

async function upload(assignment: string, filename: string, content: string): Promise<string> {
  const boundary = 'b0undary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/x-python\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  const r = await f.app.inject({ method: 'POST', url: `/api/v1/assignments/${assignment}/documents`, headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(r.statusCode, 201, r.body);
  return JSON.parse(r.body).id as string;
}

type Filter = { name: string; value: { base: number; common: number; common_kept: number; min_holders: number; submissions: number }; active: boolean; description: string };

async function settledReports(ids: string[]): Promise<{ filters: Filter[]; similarity: number; matches: { offset: number; length: number }[] }[]> {
  return waitFor('every submission checked', async () => {
    const rs = await Promise.all(ids.map((id) => f.call('GET', `/api/v1/documents/${id}/report`)));
    if (!rs.every((r) => r.status === 200 && r.body.status === 'done')) return undefined;
    const commons = rs.map((r) => (r.body.filters as Filter[]).find((x) => x.name === 'common_code'));
    // Reports of earlier uploads are replaced when the class grows: wait for the check that saw them all.
    return commons.every((c) => c?.value.submissions === ids.length) ? rs.map((r) => r.body) : undefined;
  }, 60_000, 200);
}

test('a class sharing a lecture helper: the helper is not counted, and the report says what was left out and why', { timeout: 90_000 }, async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Python lab 3', kind: 'code', settings: { language: 'python' } });
  assert.equal(asg.status, 201);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(await upload(asg.body.id, `lab3_${i}.py`, HELPER + PROGRAMS[i]));
  const reports = await settledReports(ids);
  for (const r of reports) {
    const c = r.filters.find((x) => x.name === 'common_code')!;
    assert.equal(c.active, true, JSON.stringify(c));
    assert.ok(c.value.common > 0, JSON.stringify(c));
    assert.equal(c.value.submissions, 12);
    assert.match(c.description, new RegExp(`not counted as common code: each is in at least ${c.value.min_holders} of 12 submissions whose code is otherwise mostly different`));
    // With the helper left out, no two programs look alike.
  }
  // No match lies on the helper: the matches left are the programs' own likenesses.
  for (const [i, id] of ids.entries()) {
    const text = (await f.call('GET', `/api/v1/documents/${id}/text`)).body.text as string;
    const at = text.indexOf(HELPER.trim());
    assert.ok(at >= 0, 'the helper is in the extracted text');
    // Fingerprints span about a line, so one that runs from the helper's last line into a program's
    // first lines may still match by chance; the helper's first lines are matched by nothing.
    const lastLine = at + HELPER.trim().lastIndexOf('\n');
    for (const m of reports[i].matches) assert.ok(m.offset >= lastLine || m.offset + m.length <= at, `a match on the helper in ${id}: ${JSON.stringify(m)}`);
  }
});

test('a class too small for the automatic common-code check says so', { timeout: 60_000 }, async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Python lab 4', kind: 'code', settings: { language: 'python' } });
  const ids = [await upload(asg.body.id, 'a.py', HELPER + PROGRAMS[0]), await upload(asg.body.id, 'b.py', HELPER + PROGRAMS[1]), await upload(asg.body.id, 'c.py', HELPER + PROGRAMS[2])];
  const [r] = await settledReports(ids);
  const c = r.filters.find((x) => x.name === 'common_code')!;
  assert.equal(c.active, false);
  assert.equal(c.value.min_holders, 0);
  assert.match(c.description, /No automatic common-code check: it needs at least 10 submissions \(this check had 3\)/);
  // Nothing was left out, so the shared helper counts: a match covers it.
  const text = (await f.call('GET', `/api/v1/documents/${ids[0]}/text`)).body.text as string;
  const at = text.indexOf(HELPER.trim());
  assert.ok(r.matches.some((m) => m.offset <= at + 20 && m.offset + m.length >= at + HELPER.trim().length - 20), 'a match on the helper in a class this small');
});
