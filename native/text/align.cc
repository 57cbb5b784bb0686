#include "align.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <limits>

#include "extension.h"
#include "js-math.h"
#include "seeds.h"
#include "verbatim.h"

namespace origo {

namespace {

// Gaps (units) between consecutive seeds of one fragment, on the submission and source sides.
constexpr int32_t kSuspGap = 4;
constexpr int32_t kSrcGap = 4;
// Summaries: seeds grouped along the submission only (gap in units), looser seeds, at least this
// many distinct submission units, covering this share of the submission range, a core this many
// times longer than the submission span, this similarity of the ranges as wholes.
constexpr int32_t kSummarySuspGap = 2;
constexpr double kSummarySeedSimilarity = 0.25;
constexpr int32_t kSummaryMinUnits = 4;
constexpr double kSummaryUnitCoverage = 0.6;
constexpr double kSummaryCoreShare = 0.6;
constexpr double kSummaryCoreRatio = 1.5;
constexpr double kSummaryMinSimilarity = 0.3;
constexpr double kSummaryMaxGeneralSimilarity = 0.9;
// A summary whose seeds span this share of the source's units summarises the whole source.
constexpr double kSummaryWholeSource = 0.5;
// Fragments this close (words) to a summary, inside its source range, belong to it.
constexpr int32_t kSummaryAbsorbWords = 40;
// Parts merge into one summary when the merged source range is this many times longer.
constexpr int32_t kSummaryMergeRatio = 4;
// Verbatim runs: shortest run, largest gap (words) inside a chain, share of a fragment that makes it verbatim.
constexpr int32_t kRunMinWords = 8;
constexpr int32_t kRunGap = 3;
constexpr double kVerbatimShare = 0.5;
constexpr double kVerbatimShareSummary = 0.6;
// Reworded sentences around a copy stay in its passage when this similar.
constexpr double kVerbatimExtendSimilarity = 0.5;
// Copies at most this many words apart on both sides are one passage, provided each side's gap
// is at most this many times the other's (plus kRunGap words).
constexpr int32_t kVerbatimJoinWords = 40;
constexpr int32_t kVerbatimGapRatio = 2;
// A verbatim chain at least this long is a passage even when no sentence seed found it.
constexpr int32_t kVerbatimAloneWords = 40;

// A passage in word indices: submission words [s0, s1), source words [r0, r1).
struct WordPassage {
  int32_t s0;
  int32_t s1;
  int32_t r0;
  int32_t r1;
  double similarity;
  PassageKind kind;
  // Sentence seeds behind the passage (0 for verbatim chains).
  int32_t seeds;
  // For sentence fragments: submission units u0..u1 and source units v0..v1 (inclusive).
  bool hasUnits;
  int32_t units[4];
};

WordPassage passage(int32_t s0, int32_t s1, int32_t r0, int32_t r1, double similarity, PassageKind kind, int32_t seeds) {
  return WordPassage{s0, s1, r0, r1, similarity, kind, seeds, false, {0, 0, 0, 0}};
}

// Summaries first, then the most similar, then the longest.
double rank(const WordPassage& p) { return p.kind == PassageKind::Summary ? 2 + p.similarity : p.similarity; }

// Keeps, among passages overlapping on the submission side, the most similar (then longest) one.
std::vector<WordPassage> removeOverlaps(const std::vector<WordPassage>& ps) {
  std::vector<WordPassage> ranked(ps);
  std::stable_sort(ranked.begin(), ranked.end(), [](const WordPassage& a, const WordPassage& b) {
    const double d = rank(b) - rank(a);
    // JavaScript's `d || …`: 0 and NaN fall through to the lengths.
    if (d != 0 && !std::isnan(d)) return d < 0;
    return (b.s1 - b.s0) - (a.s1 - a.s0) < 0;
  });
  std::vector<WordPassage> kept;
  for (const WordPassage& p : ranked) {
    bool overlaps = false;
    for (const WordPassage& k : kept) if (p.s0 < k.s1 && k.s0 < p.s1) { overlaps = true; break; }
    if (!overlaps) kept.push_back(p);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const WordPassage& a, const WordPassage& b) { return a.s0 < b.s0; });
  return kept;
}

// Strong seeds, and the loose seeds next to a taken seed on both sides in the same order.
std::vector<Seed> withNeighbours(const std::vector<Seed>& loose, const AlignParams& P, int32_t reach) {
  const size_t n = loose.size();
  std::vector<uint8_t> taken(n);
  for (size_t i = 0; i < n; i++) taken[i] = loose[i].cos > P.seedCosine && loose[i].dice > P.seedDice;
  std::map<int32_t, std::vector<int32_t>> bySusp;
  for (size_t i = 0; i < n; i++) bySusp[loose[i].s].push_back(static_cast<int32_t>(i));
  std::vector<int32_t> work;
  for (size_t i = 0; i < n; i++) if (taken[i]) work.push_back(static_cast<int32_t>(i));
  while (!work.empty()) {
    const Seed a = loose[work.back()];
    work.pop_back();
    for (int32_t ds = -reach; ds <= reach; ds++) {
      if (ds == 0) continue;
      auto it = bySusp.find(a.s + ds);
      if (it == bySusp.end()) continue;
      for (int32_t j : it->second) {
        if (taken[j]) continue;
        const int32_t dr = loose[j].r - a.r;
        if (dr * ds > 0 && std::abs(dr) <= reach) { taken[j] = 1; work.push_back(j); }
      }
    }
  }
  std::vector<Seed> out;
  for (size_t i = 0; i < n; i++) if (taken[i]) out.push_back(loose[i]);
  return out;
}

// Passages next to each other in the submission whose source ranges follow each other far apart
// are the parts of one summary.
std::vector<WordPassage> mergeSummaryParts(const std::vector<WordPassage>& ps, int32_t sourceWords) {
  std::vector<WordPassage> out;
  for (const WordPassage& p : ps) {
    if (!out.empty()) {
      WordPassage& last = out.back();
      if (last.kind != PassageKind::Verbatim && p.s0 - last.s1 <= kSummaryAbsorbWords && p.r0 >= last.r1) {
        const int32_t s = p.s1 - last.s0;
        const int32_t r = p.r1 - last.r0;
        if (r >= kSummaryMergeRatio * s) {
          last.s1 = p.s1;
          last.r1 = p.r1;
          last.kind = PassageKind::Summary;
          last.similarity = jsMin(last.similarity, p.similarity);
          if (last.r1 - last.r0 >= kSummaryWholeSource * sourceWords) { last.r0 = 0; last.r1 = sourceWords; }
          continue;
        }
      }
    }
    out.push_back(p);
  }
  return out;
}

std::vector<WordPassage> summaryFragments(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, const std::vector<Seed>& seeds, AlignScratch& scratch) {
  std::vector<WordPassage> out;
  const int32_t nR = R.units();
  for (const std::vector<Seed>& group : splitAlong(seeds, Side::S, kSummarySuspGap)) {
    int32_t s0 = INT32_MAX, s1 = -1, r0 = INT32_MAX, r1 = -1;
    std::set<int32_t> units;
    for (const Seed& x : group) {
      units.insert(x.s);
      s0 = std::min(s0, x.s); s1 = std::max(s1, x.s);
      r0 = std::min(r0, x.r); r1 = std::max(r1, x.r);
    }
    const int32_t nUnits = static_cast<int32_t>(units.size());
    if (nUnits < kSummaryMinUnits || nUnits < kSummaryUnitCoverage * (s1 - s0 + 1)) continue;
    // Even the tightest source window holding most of the seeds is much longer than the summary.
    std::vector<int32_t> rs;
    rs.reserve(group.size());
    for (const Seed& x : group) rs.push_back(x.r);
    std::stable_sort(rs.begin(), rs.end());
    const int32_t nRs = static_cast<int32_t>(rs.size());
    const int32_t k = static_cast<int32_t>(std::ceil(kSummaryCoreShare * nRs));
    double core = std::numeric_limits<double>::infinity();
    for (int32_t i = 0; i + k - 1 < nRs; i++) core = jsMin(core, R.end[rs[i + k - 1]] - R.start[rs[i]]);
    if (core < kSummaryCoreRatio * (S.end[s1] - S.start[s0])) continue;
    if (r1 - r0 + 1 >= kSummaryWholeSource * nR) { r0 = 0; r1 = nR - 1; }
    const double similarity = rangeSimilarity(S, R, W, s0, s1, r0, r1, scratch);
    if (similarity < kSummaryMinSimilarity) continue;
    out.push_back(passage(S.firstWord[s0], S.endWord[s1], R.firstWord[r0], R.endWord[r1], similarity, PassageKind::Summary, static_cast<int32_t>(group.size())));
  }
  return out;
}

// backgroundSimilarity outside the given passages (a unit counts as inside when it shares a word with one).
double background(const SentenceModel& S, const SentenceModel& R, PairWeights& W, const std::vector<WordPassage>& ps, AlignScratch& scratch) {
  std::vector<uint8_t> inS(S.units());
  std::vector<uint8_t> inR(R.units());
  for (const WordPassage& p : ps) {
    for (int32_t u = 0; u < S.units(); u++) if (S.firstWord[u] < p.s1 && p.s0 < S.endWord[u]) inS[u] = 1;
    for (int32_t v = 0; v < R.units(); v++) if (R.firstWord[v] < p.r1 && p.r0 < R.endWord[v]) inR[v] = 1;
  }
  return backgroundSimilarity(S, R, W, inS, inR, scratch);
}

std::vector<WordPassage> sentenceFragments(const SentenceModel& S, const SentenceModel& R, PairWeights& W, const AlignParams& P, AlignScratch& scratch) {
  // One pass finds the looser summary seeds; the general seeds are the stricter part of them.
  const std::vector<Seed> loose = findSeeds(S, R, W, kSummarySeedSimilarity, kSummarySeedSimilarity, scratch);
  if (loose.empty()) return {};
  std::vector<Seed> seeds;
  if (P.neighbourReach > 0) seeds = withNeighbours(loose, P, P.neighbourReach);
  else for (const Seed& x : loose) if (x.cos > P.seedCosine && x.dice > P.seedDice) seeds.push_back(x);
  std::vector<WordPassage> general;
  for (const Fragment& f : extend(S, R, W, seeds, ExtensionParams{kSuspGap, kSrcGap, P.validation}, scratch)) {
    if (!(f.seeds.size() >= 2 || f.similarity >= P.singleSeedSimilarity)) continue;
    if (!(f.similarity >= P.weakSimilarity)) {
      std::set<int32_t> units;
      for (const Seed& x : f.seeds) units.insert(x.s);
      if (!(static_cast<double>(units.size()) >= P.weakSeedCoverage * (f.s1 - f.s0 + 1))) continue;
    }
    const Fragment g = refineBoundaries(S, R, W, f, scratch);
    WordPassage p = passage(S.firstWord[g.s0], S.endWord[g.s1], R.firstWord[g.r0], R.endWord[g.r1], g.similarity, PassageKind::Paraphrase, static_cast<int32_t>(g.seeds.size()));
    p.hasUnits = true;
    p.units[0] = g.s0; p.units[1] = g.s1; p.units[2] = g.r0; p.units[3] = g.r1;
    general.push_back(p);
  }
  // A near-verbatim general fragment is a copy, not a summary.
  std::vector<Seed> summarySeeds;
  for (const Seed& x : loose) if (x.exactCos > kSummarySeedSimilarity) summarySeeds.push_back(x);
  std::vector<WordPassage> summaries;
  for (const WordPassage& m : summaryFragments(S, R, W, summarySeeds, scratch)) {
    bool copy = false;
    for (const WordPassage& g : general) if (g.s0 < m.s1 && m.s0 < g.s1 && g.similarity >= kSummaryMaxGeneralSimilarity) { copy = true; break; }
    if (!copy) summaries.push_back(m);
  }
  // A summary replaces the general fragments it overlaps on the submission side, and absorbs
  // those right next to it that point into its source range.
  std::vector<WordPassage> rest;
  for (const WordPassage& g : general) {
    bool keep = true;
    for (WordPassage& m : summaries) {
      const bool near = g.s0 < m.s1 + kSummaryAbsorbWords && m.s0 - kSummaryAbsorbWords < g.s1;
      if (near && g.r0 >= m.r0 && g.r1 <= m.r1) { m.s0 = std::min(m.s0, g.s0); m.s1 = std::max(m.s1, g.s1); keep = false; break; }
      if (g.s0 < m.s1 && m.s0 < g.s1) { keep = false; break; }
    }
    if (keep) rest.push_back(g);
  }
  std::vector<WordPassage> candidates(summaries);
  candidates.insert(candidates.end(), rest.begin(), rest.end());
  std::vector<WordPassage> merged;
  for (const WordPassage& p : mergeSummaryParts(removeOverlaps(candidates), R.endWord.back())) {
    if (p.kind != PassageKind::Paraphrase || p.seeds > 1 || p.similarity >= P.loneSeedSimilarity) merged.push_back(p);
  }
  auto weak = [&P](const WordPassage& p) { return p.kind == PassageKind::Paraphrase && p.seeds == 2 && p.similarity < P.loneSeedSimilarity; };
  // The background is measured only when a weak two-seed passage needs it (rare).
  if (!std::any_of(merged.begin(), merged.end(), weak) || background(S, R, W, merged, scratch) < P.topicalBackground) return merged;
  std::vector<WordPassage> strong;
  for (const WordPassage& p : merged) if (!weak(p)) strong.push_back(p);
  return strong;
}

WordPassage chainSpan(const std::vector<Run>& chain) {
  const Run& last = chain.back();
  int32_t r0 = INT32_MAX;
  int32_t r1 = -1;
  for (const Run& run : chain) { r0 = std::min(r0, run.r); r1 = std::max(r1, run.r + run.len); }
  return passage(chain[0].s, last.s + last.len, r0, r1, 1, PassageKind::Verbatim, 0);
}

// The fragment's sentences before the first copy (and after the last) are kept when, taken
// together on both sides, they are clearly similar; the passage then is a paraphrase.
void extendCopies(std::vector<WordPassage>& groups, const WordPassage& p, const SentenceModel& S, const SentenceModel& R, const PairWeights& W, AlignScratch& scratch) {
  const int32_t u0 = p.units[0], u1 = p.units[1], v0 = p.units[2], v1 = p.units[3];
  WordPassage& first = groups.front();
  int32_t ub = u0 - 1;
  while (ub + 1 <= u1 && S.endWord[ub + 1] <= first.s0) ub++;
  int32_t vb = v0 - 1;
  while (vb + 1 <= v1 && R.endWord[vb + 1] <= first.r0) vb++;
  if (ub >= u0 && vb >= v0 && rangeSimilarity(S, R, W, u0, ub, v0, vb, scratch) >= kVerbatimExtendSimilarity) {
    first.s0 = S.firstWord[u0];
    first.r0 = R.firstWord[v0];
    first.kind = PassageKind::Paraphrase;
    first.similarity = p.similarity;
  }
  WordPassage& last = groups.back();
  int32_t ua = u1 + 1;
  while (ua - 1 >= u0 && S.firstWord[ua - 1] >= last.s1) ua--;
  int32_t va = v1 + 1;
  while (va - 1 >= v0 && R.firstWord[va - 1] >= last.r1) va--;
  if (ua <= u1 && va <= v1 && rangeSimilarity(S, R, W, ua, u1, va, v1, scratch) >= kVerbatimExtendSimilarity) {
    last.s1 = S.endWord[u1];
    last.r1 = R.endWord[v1];
    last.kind = PassageKind::Paraphrase;
    last.similarity = p.similarity;
  }
  // A reworded passage ends where its sentences end, not where its last copied words do.
  for (WordPassage& g : groups) {
    if (g.kind != PassageKind::Paraphrase) continue;
    for (int32_t u = u0; u <= u1; u++) if (S.firstWord[u] < g.s1 && g.s1 < S.endWord[u]) g.s1 = S.endWord[u];
    for (int32_t v = v0; v <= v1; v++) if (R.firstWord[v] < g.r1 && g.r1 < R.endWord[v]) g.r1 = R.endWord[v];
    for (int32_t u = u0; u <= u1; u++) if (S.firstWord[u] < g.s0 && g.s0 < S.endWord[u]) g.s0 = S.firstWord[u];
    for (int32_t v = v0; v <= v1; v++) if (R.firstWord[v] < g.r0 && g.r0 < R.endWord[v]) g.r0 = R.firstWord[v];
  }
}

// A passage mostly made of copied words takes the exact word boundaries of the copy, and long
// copies no sentence seed found become passages of their own.
std::vector<WordPassage> refineWithVerbatim(const Document& submission, const Document& source, const std::vector<WordPassage>& passages, const SentenceModel& S, const SentenceModel& R, const PairWeights* W, AlignScratch& scratch) {
  std::vector<WordPassage> chains;
  for (const std::vector<Run>& chain : chainRuns(verbatimRuns(S.trigrams, submission.keyHash, source.keyHash, kRunMinWords), kRunGap)) chains.push_back(chainSpan(chain));
  if (chains.empty()) return passages;
  std::vector<uint8_t> used(chains.size());
  std::vector<WordPassage> out;
  for (const WordPassage& p : passages) {
    std::vector<WordPassage> inside;
    for (size_t i = 0; i < chains.size(); i++) {
      const WordPassage& c = chains[i];
      if (c.s0 < p.s1 && p.s0 < c.s1 && c.r0 < p.r1 && p.r0 < c.r1) { inside.push_back(c); used[i] = 1; }
    }
    if (inside.empty()) { out.push_back(p); continue; }
    int32_t copied = 0;
    for (const WordPassage& c : inside) copied += std::min(c.s1, p.s1) - std::max(c.s0, p.s0);
    // A summary quoting a few source phrases stays a summary: it needs a larger verbatim share.
    if (copied < (p.kind == PassageKind::Summary ? kVerbatimShareSummary : kVerbatimShare) * (p.s1 - p.s0)) { out.push_back(p); continue; }
    // Copies that follow each other on both sides form one passage.
    std::stable_sort(inside.begin(), inside.end(), [](const WordPassage& a, const WordPassage& b) { return a.s0 < b.s0; });
    std::vector<WordPassage> groups;
    for (const WordPassage& c : inside) {
      if (!groups.empty()) {
        WordPassage& g = groups.back();
        const int32_t ds = c.s0 - g.s1;
        const int32_t dr = c.r0 - g.r1;
        if (ds <= kVerbatimJoinWords && dr >= -kRunGap && dr <= kVerbatimJoinWords && ds <= kVerbatimGapRatio * std::max(0, dr) + kRunGap && dr <= kVerbatimGapRatio * std::max(0, ds) + kRunGap) {
          g.s1 = std::max(g.s1, c.s1);
          g.r1 = std::max(g.r1, c.r1);
          continue;
        }
      }
      groups.push_back(passage(c.s0, c.s1, c.r0, c.r1, 1, PassageKind::Verbatim, p.seeds));
    }
    if (p.hasUnits && W != nullptr) extendCopies(groups, p, S, R, *W, scratch);
    out.insert(out.end(), groups.begin(), groups.end());
  }
  for (size_t i = 0; i < chains.size(); i++) if (!used[i] && chains[i].s1 - chains[i].s0 >= kVerbatimAloneWords) out.push_back(chains[i]);
  return removeOverlaps(out);
}

// Characters JavaScript's /^[.!?…。！？,;:"'”’»)\]]*/ takes after a word: its closing punctuation.
bool closing(char16_t c) {
  switch (c) {
    case u'.': case u'!': case u'?': case u'\u2026': case u'\u3002': case u'\uFF01': case u'\uFF1F':
    case u',': case u';': case u':': case u'"': case u'\'': case u'\u201D': case u'\u2019': case u'\u00BB':
    case u')': case u']':
      return true;
    default:
      return false;
  }
}

// Offset just past a word, its attached closing punctuation (at most six characters) included.
int32_t endAfter(const Document& d, int32_t w) {
  const int32_t end = d.wordEnd[w];
  const int32_t limit = std::min<int32_t>(end + 6, static_cast<int32_t>(d.text.size()));
  int32_t at = end;
  while (at < limit && closing(d.text[at])) at++;
  return at;
}

}  // namespace

Aligner::Aligner(const SynonymIndex* englishSynonyms) : synonyms_(englishSynonyms) {}

std::vector<Passage> Aligner::align(const Document& submission, const SentenceModel& S, const Document& source, const SentenceModel& R, const AlignParams& params, int32_t minWords, int32_t minChars) {
  if (S.words != static_cast<int32_t>(submission.wordStart.size()) || S.textLength != static_cast<int32_t>(submission.text.size()) ||
      R.words != static_cast<int32_t>(source.wordStart.size()) || R.textLength != static_cast<int32_t>(source.text.size())) {
    throw std::invalid_argument("origo::Aligner::align: a sentence model is not its document's (buildSentenceModel)");
  }
  if (!S.hasTrigrams) throw std::invalid_argument("origo::Aligner::align: the submission's model has no trigram index (addTrigrams)");
  std::vector<WordPassage> found;
  if (S.units() && R.units()) {
    PairWeights W = pairWeights(S, R, synonyms_, params.synonymWeight, scratch_);
    found = refineWithVerbatim(submission, source, sentenceFragments(S, R, W, params, scratch_), S, R, &W, scratch_);
  } else {
    found = refineWithVerbatim(submission, source, {}, S, R, nullptr, scratch_);
  }
  std::vector<Passage> passages;
  for (const WordPassage& p : found) {
    // (A passage without words, possible only with minWords < 1, has no character span.)
    if (p.s1 - p.s0 < minWords || p.s1 <= p.s0) continue;
    const int32_t offset = submission.wordStart[p.s0];
    const int32_t length = endAfter(submission, p.s1 - 1) - offset;
    const int32_t sourceOffset = source.wordStart[p.r0];
    const int32_t sourceLength = endAfter(source, p.r1 - 1) - sourceOffset;
    if (length < minChars || sourceLength < minChars) continue;
    passages.push_back(Passage{offset, length, sourceOffset, sourceLength, p.kind, jsMin(1, p.similarity)});
  }
  return passages;
}

}  // namespace origo
