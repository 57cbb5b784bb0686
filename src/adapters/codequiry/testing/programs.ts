/**
 * Small real programs for the Codequiry tests: an original, a copy with renamed identifiers and
 * reordered comments, and independent solutions, in Java and in Python. ZIPs are built with fflate.
 */
import { strToU8, zipSync } from 'fflate';

export const JAVA_ORIGINAL = `import java.util.ArrayList;
import java.util.List;

public class Inventory {
    private final List<String> names = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();

    public void add(String name, int count) {
        int index = names.indexOf(name);
        if (index >= 0) {
            counts.set(index, counts.get(index) + count);
        } else {
            names.add(name);
            counts.add(count);
        }
    }

    public boolean remove(String name, int count) {
        int index = names.indexOf(name);
        if (index < 0 || counts.get(index) < count) {
            return false;
        }
        counts.set(index, counts.get(index) - count);
        if (counts.get(index) == 0) {
            names.remove(index);
            counts.remove(index);
        }
        return true;
    }

    public int total() {
        int sum = 0;
        for (int i = 0; i < counts.size(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    public static void main(String[] args) {
        Inventory inventory = new Inventory();
        inventory.add("apple", 5);
        inventory.add("pear", 3);
        inventory.add("apple", 2);
        System.out.println(inventory.remove("pear", 1));
        System.out.println(inventory.total());
    }
}
`;

/** JAVA_ORIGINAL with every identifier renamed and a comment added: the same program. */
export const JAVA_RENAMED = `import java.util.ArrayList;
import java.util.List;

// My stock keeping class for lab 3
public class Stock {
    private final List<String> items = new ArrayList<>();
    private final List<Integer> amounts = new ArrayList<>();

    public void put(String item, int amount) {
        int pos = items.indexOf(item);
        if (pos >= 0) {
            amounts.set(pos, amounts.get(pos) + amount);
        } else {
            items.add(item);
            amounts.add(amount);
        }
    }

    public boolean take(String item, int amount) {
        int pos = items.indexOf(item);
        if (pos < 0 || amounts.get(pos) < amount) {
            return false;
        }
        amounts.set(pos, amounts.get(pos) - amount);
        if (amounts.get(pos) == 0) {
            items.remove(pos);
            amounts.remove(pos);
        }
        return true;
    }

    public int overall() {
        int acc = 0;
        for (int k = 0; k < amounts.size(); k++) {
            acc += amounts.get(k);
        }
        return acc;
    }

    public static void main(String[] argv) {
        Stock stock = new Stock();
        stock.put("apple", 5);
        stock.put("pear", 3);
        stock.put("apple", 2);
        System.out.println(stock.take("pear", 1));
        System.out.println(stock.overall());
    }
}
`;

export const JAVA_INDEPENDENT = `import java.util.Scanner;

public class Primes {
    static boolean isPrime(long n) {
        if (n < 2) return false;
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) return false;
        }
        return true;
    }

    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        long limit = in.nextLong();
        StringBuilder out = new StringBuilder();
        int found = 0;
        long candidate = 2;
        while (candidate <= limit) {
            if (isPrime(candidate)) {
                out.append(candidate).append(' ');
                found++;
            }
            candidate++;
        }
        System.out.println(out.toString().trim());
        System.out.println("count=" + found);
    }
}
`;

export const JAVA_INDEPENDENT_2 = `public class Matrix {
    private final double[][] cells;

    public Matrix(int rows, int cols) {
        cells = new double[rows][cols];
    }

    public Matrix times(Matrix other) {
        Matrix result = new Matrix(cells.length, other.cells[0].length);
        for (int r = 0; r < cells.length; r++)
            for (int c = 0; c < other.cells[0].length; c++) {
                double s = 0;
                for (int k = 0; k < other.cells.length; k++) s += cells[r][k] * other.cells[k][c];
                result.cells[r][c] = s;
            }
        return result;
    }

    public static Matrix identity(int n) {
        Matrix m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m.cells[i][i] = 1.0;
        return m;
    }

    public static void main(String[] args) {
        Matrix m = identity(3);
        System.out.println(m.times(m).cells[1][1]);
    }
}
`;

export const PYTHON_ORIGINAL = `import sys


def read_scores(lines):
    scores = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, value = line.split(",")
        scores.setdefault(name, []).append(int(value))
    return scores


def average(values):
    if not values:
        return 0.0
    return sum(values) / len(values)


def report(scores):
    rows = []
    for name in sorted(scores):
        mean = average(scores[name])
        grade = "A" if mean >= 90 else "B" if mean >= 75 else "C"
        rows.append(f"{name}: {mean:.1f} ({grade})")
    return "\\n".join(rows)


if __name__ == "__main__":
    data = read_scores(sys.stdin.readlines())
    print(report(data))
`;

export const PYTHON_RENAMED = `import sys


def load_marks(rows_in):
    marks = {}
    for row in rows_in:
        row = row.strip()
        if not row or row.startswith("#"):
            continue
        student, mark = row.split(",")
        marks.setdefault(student, []).append(int(mark))
    return marks


def mean_of(items):
    if not items:
        return 0.0
    return sum(items) / len(items)


def summary(marks):
    out = []
    for student in sorted(marks):
        avg = mean_of(marks[student])
        letter = "A" if avg >= 90 else "B" if avg >= 75 else "C"
        out.append(f"{student}: {avg:.1f} ({letter})")
    return "\\n".join(out)


if __name__ == "__main__":
    table = load_marks(sys.stdin.readlines())
    print(summary(table))
`;

export const PYTHON_INDEPENDENT = `from collections import deque


def shortest_path(grid, start, goal):
    height, width = len(grid), len(grid[0])
    queue = deque([(start, 0)])
    seen = {start}
    while queue:
        (r, c), dist = queue.popleft()
        if (r, c) == goal:
            return dist
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < height and 0 <= nc < width and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen.add((nr, nc))
                queue.append(((nr, nc), dist + 1))
    return -1


maze = ["....#", ".##.#", "....."]
print(shortest_path(maze, (0, 0), (2, 4)))
`;

/** A ZIP holding one student's files. */
export function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
}
