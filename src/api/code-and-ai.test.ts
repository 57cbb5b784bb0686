/**
 * Code assignments are checked as a group by the code engine; prose gets an AI score when it is
 * long enough and in a language the detector knows.
 *
 *   code assignment ── Original.java
 *                   ── Copy.java        (renamed identifiers, reordered, comments changed)
 *                   ── Independent.java (another solution)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { waitFor } from '../testing/server-process.js';

const ORIGINAL = `public class Grades {
    // Average of the marks, ignoring negative entries
    public static double average(int[] marks) {
        int total = 0;
        int count = 0;
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] >= 0) {
                total += marks[i];
                count++;
            }
        }
        if (count == 0) {
            return 0.0;
        }
        return (double) total / count;
    }

    public static void main(String[] args) {
        int[] marks = {70, 85, -1, 90, 66};
        System.out.println("Average: " + average(marks));
    }
}
`;
const COPY = `public class Marks {
    /* computes the mean score */
    public static double mean(int[] scores) {
        int n = 0;
        int sum = 0;
        for (int k = 0; k < scores.length; k++) {
            if (scores[k] >= 0) {
                sum += scores[k];
                n++;
            }
        }
        if (n == 0) {
            return 0.0;
        }
        return (double) sum / n;
    }

    public static void main(String[] a) {
        int[] scores = {70, 85, -1, 90, 66};
        System.out.println("Mean: " + mean(scores));
    }
}
`;
const INDEPENDENT = `import java.util.Scanner;

public class Temperature {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        String line = in.nextLine();
        String[] parts = line.split(",");
        double best = Double.NEGATIVE_INFINITY;
        for (String p : parts) {
            double t = Double.parseDouble(p.trim());
            best = Math.max(best, t);
        }
        System.out.printf("Highest temperature: %.1f%n", best);
        in.close();
    }
}
`;

let f: AppFixture;
before(async () => {
  f = await appFixture({ worker: true });
});
after(async () => f.close());

async function upload(assignment: string, filename: string, content: string) {
  const boundary = 'b0undary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/x-java\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  const r = await f.app.inject({ method: 'POST', url: `/api/v1/assignments/${assignment}/documents`, headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(r.statusCode, 201, r.body);
  return JSON.parse(r.body).id as string;
}

test('a code assignment ranks the disguised copy far above the independent solution, with line fragments', { timeout: 60_000 }, async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Java lab 1', kind: 'code', settings: { language: 'java' } });
  assert.equal(asg.status, 201);
  const [orig, copy, indep] = [await upload(asg.body.id, 'Grades.java', ORIGINAL), await upload(asg.body.id, 'Marks.java', COPY), await upload(asg.body.id, 'Temperature.java', INDEPENDENT)];
  const reports = await waitFor('all three checked', async () => {
    const rs = await Promise.all([orig, copy, indep].map((id) => f.call('GET', `/api/v1/documents/${id}/report`)));
    if (!rs.every((r) => r.status === 200)) return undefined;
    // Later uploads can produce a newer version of earlier reports; wait until the copy pair is seen from both sides.
    const o = rs[0].body.sources.find((s: { source_document_id: string }) => s.source_document_id === copy);
    return o ? rs.map((r) => r.body) : undefined;
  }, 40_000, 100);
  const [ro, rc] = reports;
  const copyFromOrig = ro.sources.find((s: { source_document_id: string }) => s.source_document_id === copy);
  const indepFromOrig = ro.sources.find((s: { source_document_id: string }) => s.source_document_id === indep);
  assert.ok(copyFromOrig.similarity > 60, `copy similarity ${copyFromOrig.similarity}`);
  assert.ok(!indepFromOrig || indepFromOrig.similarity < copyFromOrig.similarity / 2, JSON.stringify(indepFromOrig));
  const fr = ro.matches.find((x: { source_document_id: string }) => x.source_document_id === copy);
  assert.ok(fr, 'a fragment of the copy');
  assert.equal(fr.submission.file, 'Grades.java');
  assert.equal(fr.source.file, 'Marks.java');
  assert.ok(fr.submission.start_line >= 1 && fr.submission.end_line >= fr.submission.start_line);
  assert.ok(fr.source.start_line >= 1 && fr.source.end_line >= fr.source.start_line);
  assert.ok(rc.sources.some((s: { source_document_id: string }) => s.source_document_id === orig), 'seen from the other side too');
  assert.equal(ro.ai.status, 'not_applicable');
  assert.equal(ro.ai.available, false);
  // Match ranges point at the lines in the extracted text.
  const text = (await f.call('GET', `/api/v1/documents/${orig}/text`)).body.text as string;
  const m = ro.matches.find((x: { source_document_id: string }) => x.source_document_id === copy);
  assert.match(text.slice(m.offset, m.offset + m.length), /total|count|marks/);
});

test('prose gets an AI score or an honest reason; assignments can switch it off', { timeout: 60_000 }, async () => {
  const long = Array.from({ length: 12 }, (_, i) =>
    `In paragraph ${i + 1} I describe how our village changed when the new road arrived, because my grandmother kept telling us that the old path through the forest was safer, even though it took much longer to walk.`,
  ).join(' ');
  const on = await f.call('POST', '/api/v1/assignments', { name: 'Essay with AI' });
  const off = await f.call('POST', '/api/v1/assignments', { name: 'Essay without AI', settings: { ai_detection: false } });
  const a = await f.call('POST', `/api/v1/assignments/${on.body.id}/documents`, { title: 'Long', text: long });
  const b = await f.call('POST', `/api/v1/assignments/${on.body.id}/documents`, { title: 'Short', text: 'Only a few words here, far too short to judge.' });
  const c = await f.call('POST', `/api/v1/assignments/${off.body.id}/documents`, { title: 'Off', text: long });
  const [ra, rb, rc] = await waitFor('reports', async () => {
    const rs = await Promise.all([a, b, c].map((d) => f.call('GET', `/api/v1/documents/${d.body.id}/report`)));
    return rs.every((r) => r.status === 200) ? rs.map((r) => r.body) : undefined;
  }, 40_000, 100);
  assert.equal(ra.ai.status, 'ok');
  assert.equal(ra.ai.available, true);
  assert.ok(Array.isArray(ra.ai.segments) && ra.ai.segments.length >= 1);
  assert.ok(ra.ai.score >= 0 && ra.ai.score <= 100);
  assert.ok(ra.ai.share >= 0 && ra.ai.share <= 100);
  assert.equal(typeof ra.ai.flagged, 'boolean');
  assert.ok(['flagged', 'inconclusive', 'not_flagged'].includes(ra.ai.verdict), ra.ai.verdict);
  assert.equal(ra.ai.flagged, ra.ai.verdict === 'flagged');
  assert.ok(ra.ai.inconclusive_threshold > 0 && ra.ai.inconclusive_threshold <= ra.ai.threshold);
  // A village story written by a person: not flagged, so no passage is highlighted.
  assert.equal(ra.ai.verdict, 'not_flagged');
  assert.equal(ra.ai.share, 0);
  assert.equal(rb.ai.status, 'too_short');
  assert.match(rb.ai.reason, /words/);
  assert.equal(rc.ai.status, 'disabled');
  assert.ok(ra.factors && ra.factors.phrases_5_words >= 0);
});
