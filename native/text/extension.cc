#include "extension.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace origo {

namespace {

inline int32_t along(const Seed& x, Side side) { return side == Side::S ? x.s : x.r; }

void sumInto(const SentenceModel& M, int32_t u0, int32_t u1, const std::vector<double>& isf, std::vector<double>& into, std::vector<int32_t>& touched) {
  for (int32_t k = M.termStart[u0]; k < M.termStart[u1 + 1]; k++) {
    const int32_t t = M.terms[k];
    if (into[t] == 0) touched.push_back(t);
    into[t] += static_cast<double>(M.counts[k]) * isf[t];
  }
}

Fragment toFragment(std::vector<Seed> seeds) {
  int32_t s0 = INT32_MAX, s1 = -1, r0 = INT32_MAX, r1 = -1;
  for (const Seed& x : seeds) {
    if (x.s < s0) s0 = x.s;
    if (x.s > s1) s1 = x.s;
    if (x.r < r0) r0 = x.r;
    if (x.r > r1) r1 = x.r;
  }
  return Fragment{s0, s1, r0, r1, std::move(seeds), 0};
}

// Smallest gain in similarity for which a boundary moves, and the most moves.
constexpr double kBoundaryGain = 0.005;
constexpr int32_t kBoundarySteps = 6;

struct Extender {
  const SentenceModel& S;
  const SentenceModel& R;
  const PairWeights& W;
  const ExtensionParams& p;
  AlignScratch& scratch;
  std::vector<Fragment> out;

  void visit(const std::vector<Seed>& group, int32_t suspGap, int32_t srcGap) {
    for (std::vector<Seed>& part : cluster(group, suspGap, srcGap)) {
      Fragment f = toFragment(part);
      f.similarity = rangeSimilarity(S, R, W, f.s0, f.s1, f.r0, f.r1, scratch);
      if (f.similarity > p.minValidation) out.push_back(std::move(f));
      else if (suspGap > 0 && srcGap > 0 && part.size() > 1) visit(part, suspGap - 1, srcGap - 1);
    }
  }
};

}  // namespace

std::vector<std::vector<Seed>> splitAlong(const std::vector<Seed>& seeds, Side side, int32_t gap) {
  std::vector<Seed> sorted(seeds);
  std::stable_sort(sorted.begin(), sorted.end(), [side](const Seed& a, const Seed& b) {
    const int32_t d = along(a, side) - along(b, side);
    if (d != 0) return d < 0;
    return side == Side::S ? a.r < b.r : a.s < b.s;
  });
  std::vector<std::vector<Seed>> runs;
  std::vector<Seed> run;
  for (const Seed& seed : sorted) {
    if (!run.empty() && along(seed, side) - along(run.back(), side) > gap) { runs.push_back(std::move(run)); run.clear(); }
    run.push_back(seed);
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

std::vector<std::vector<Seed>> cluster(const std::vector<Seed>& seeds, int32_t suspGap, int32_t srcGap) {
  struct Item { std::vector<Seed> seeds; Side side; int32_t stable; };
  std::vector<std::vector<Seed>> out;
  std::vector<Item> work;
  work.push_back({seeds, Side::S, 0});
  while (!work.empty()) {
    Item item = std::move(work.back());
    work.pop_back();
    std::vector<std::vector<Seed>> parts = splitAlong(item.seeds, item.side, item.side == Side::S ? suspGap : srcGap);
    const Side next = item.side == Side::S ? Side::R : Side::S;
    if (parts.size() == 1) {
      // Stable along this side; done once both sides were checked without a split.
      if (item.stable >= 1) out.push_back(std::move(parts[0]));
      else work.push_back({std::move(parts[0]), next, item.stable + 1});
    } else {
      for (std::vector<Seed>& part : parts) work.push_back({std::move(part), next, 0});
    }
  }
  return out;
}

double rangeSimilarity(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, int32_t s0, int32_t s1, int32_t r0, int32_t r1, AlignScratch& scratch) {
  if (static_cast<int32_t>(scratch.sumS.size()) < S.vocabulary()) scratch.sumS.assign(2 * static_cast<size_t>(S.vocabulary()), 0.0);
  if (static_cast<int32_t>(scratch.sumR.size()) < R.vocabulary()) scratch.sumR.assign(2 * static_cast<size_t>(R.vocabulary()), 0.0);
  std::vector<double>& a = scratch.sumS;
  std::vector<double>& b = scratch.sumR;
  std::vector<int32_t>& ta = scratch.touchedS;
  std::vector<int32_t>& tb = scratch.touchedR;
  ta.clear();
  tb.clear();
  sumInto(S, s0, s1, W.isfS, a, ta);
  sumInto(R, r0, r1, W.isfR, b, tb);
  double dot = 0;
  double na = 0;
  double nb = 0;
  for (int32_t t : ta) {
    const double x = a[t];
    na += x * x;
    const int32_t tr = W.toR[t];
    if (tr >= 0) dot += x * b[tr] * W.matchWeight[t];
  }
  for (int32_t t : tb) nb += b[t] * b[t];
  for (int32_t t : ta) a[t] = 0;
  for (int32_t t : tb) b[t] = 0;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

std::vector<Fragment> extend(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, const std::vector<Seed>& seeds, const ExtensionParams& p, AlignScratch& scratch) {
  Extender e{S, R, W, p, scratch, {}};
  if (!seeds.empty()) e.visit(seeds, p.suspGap, p.srcGap);
  return std::move(e.out);
}

Fragment refineBoundaries(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, const Fragment& f, AlignScratch& scratch) {
  int32_t s0 = f.s0, s1 = f.s1, r0 = f.r0, r1 = f.r1;
  double similarity = f.similarity;
  const int32_t nS = S.units();
  const int32_t nR = R.units();
  for (int32_t step = 0; step < kBoundarySteps; step++) {
    bool found = false;
    int32_t best[4] = {0, 0, 0, 0};
    double bestSim = similarity + kBoundaryGain;
    const int32_t tries[6][4] = {
      {s0 - 1, s1, r0 - 1, r1}, {s0 - 1, s1, r0, r1}, {s0, s1, r0 - 1, r1},
      {s0, s1 + 1, r0, r1 + 1}, {s0, s1 + 1, r0, r1}, {s0, s1, r0, r1 + 1},
    };
    for (const auto& x : tries) {
      const int32_t a = x[0], b = x[1], c = x[2], d = x[3];
      if (a < 0 || c < 0 || b >= nS || d >= nR || a > b || c > d) continue;
      const double sim = rangeSimilarity(S, R, W, a, b, c, d, scratch);
      if (sim > bestSim) { bestSim = sim; best[0] = a; best[1] = b; best[2] = c; best[3] = d; found = true; }
    }
    if (!found) break;
    s0 = best[0]; s1 = best[1]; r0 = best[2]; r1 = best[3];
    similarity = bestSim;
  }
  Fragment g{s0, s1, r0, r1, f.seeds, similarity};
  return g;
}

}  // namespace origo
