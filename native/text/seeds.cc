#include "seeds.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "js-math.h"

namespace origo {

namespace {

double unitNorm(const SentenceModel& M, const std::vector<double>& isf, int32_t u) {
  double sum = 0;
  for (int32_t k = M.termStart[u]; k < M.termStart[u + 1]; k++) {
    const double w = static_cast<double>(M.counts[k]) * isf[M.terms[k]];
    sum += w * w;
  }
  return std::sqrt(sum);
}

void growZeroed(std::vector<int32_t>& v, int32_t index) {
  if (index >= static_cast<int32_t>(v.size())) v.resize(std::max<size_t>(2 * v.size(), static_cast<size_t>(index) + 1), 0);
}

// For each source term r (ascending) whose stem is submission term t: found(r, t).
template <typename Found>
void matchVocabularies(const SentenceModel& S, const SentenceModel& R, AlignScratch& scratch, Found found) {
  std::vector<int32_t>& termOfStem = scratch.termOfStem;
  for (int32_t t = 0; t < S.vocabulary(); t++) {
    const int32_t stem = S.vocabStem[t];
    growZeroed(termOfStem, stem);
    termOfStem[stem] = t + 1;
  }
  const int32_t size = static_cast<int32_t>(termOfStem.size());
  for (int32_t r = 0; r < R.vocabulary(); r++) {
    const int32_t stem = R.vocabStem[r];
    const int32_t t = stem < size ? termOfStem[stem] - 1 : -1;
    if (t >= 0) found(r, t);
  }
  for (int32_t t = 0; t < S.vocabulary(); t++) termOfStem[S.vocabStem[t]] = 0;
}

// For submission terms t without an equal source term whose stem has a synonym r in the source:
// found(r, t) for the first such synonym (in the order of the index).
template <typename Found>
void matchSynonyms(const SentenceModel& S, const SentenceModel& R, const SynonymIndex& syn, const std::vector<int32_t>& toR, AlignScratch& scratch, Found found) {
  std::vector<int32_t>& termOfStemR = scratch.termOfStemR;
  for (int32_t r = 0; r < R.vocabulary(); r++) {
    const int32_t stem = R.vocabStem[r];
    growZeroed(termOfStemR, stem);
    termOfStemR[stem] = r + 1;
  }
  const int32_t size = static_cast<int32_t>(termOfStemR.size());
  const int32_t limit = static_cast<int32_t>(syn.start.size()) - 1;
  for (int32_t t = 0; t < S.vocabulary(); t++) {
    if (toR[t] >= 0) continue;
    const int32_t stem = S.vocabStem[t];
    if (stem >= limit) continue;
    for (int32_t k = syn.start[stem]; k < syn.start[stem + 1]; k++) {
      const int32_t o = syn.list[k];
      const int32_t r = o < size ? termOfStemR[o] - 1 : -1;
      if (r >= 0) { found(r, t); if (toR[t] >= 0) break; }
    }
  }
  for (int32_t r = 0; r < R.vocabulary(); r++) termOfStemR[R.vocabStem[r]] = 0;
}

// Adds submission unit s's tf-isf products with every source unit sharing a term (outside skipR
// when given) into dot, counts shared terms, lists the source units touched in first-touched
// order; returns how many. The caller resets dot and shared for those units.
int32_t accumulateUnit(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, int32_t s, const uint8_t* skipR, double* dot, int32_t* shared, int32_t* touched, double* exact, bool exactOnly) {
  int32_t nTouched = 0;
  for (int32_t k = S.termStart[s]; k < S.termStart[s + 1]; k++) {
    const int32_t term = S.terms[k];
    const int32_t tr = W.toR[term];
    if (tr < 0) continue;
    const double isf = W.isfR[tr];
    const bool bySynonym = W.synonym[term] == 1;
    if (exactOnly && bySynonym) continue;
    const double ws = static_cast<double>(S.counts[k]) * isf * W.matchWeight[term];
    for (int32_t q = R.postStart[tr]; q < R.postStart[tr + 1]; q++) {
      const int32_t r = R.postUnits[q];
      if (skipR != nullptr && skipR[r]) continue;
      if (shared[r] == 0) touched[nTouched++] = r;
      shared[r]++;
      dot[r] += ws * R.postCounts[q] * isf;
      if (exact != nullptr && !bySynonym) exact[r] += ws * R.postCounts[q] * isf;
    }
  }
  return nTouched;
}

}  // namespace

PairWeights pairWeights(const SentenceModel& S, const SentenceModel& R, const SynonymIndex* synonyms, double synonymWeight, AlignScratch& scratch) {
  const int32_t n = S.units() + R.units();
  const int32_t nVS = S.vocabulary();
  const int32_t nVR = R.vocabulary();
  PairWeights W;
  W.toR.assign(nVS, -1);
  std::vector<int32_t> dfOther(nVS, 0);
  W.isfR.resize(nVR);
  std::vector<int32_t> dfR(R.df);
  matchVocabularies(S, R, scratch, [&](int32_t r, int32_t t) { W.toR[t] = r; dfOther[t] = R.df[r]; dfR[r] += S.df[t]; });
  W.matchWeight.assign(nVS, 1.0);
  W.synonym.assign(nVS, 0);
  // A synonym match leaves the inverse sentence frequencies as they are: they count stems.
  if (synonymWeight > 0 && S.language == "en" && R.language == "en" && synonyms != nullptr) {
    matchSynonyms(S, R, *synonyms, W.toR, scratch, [&](int32_t r, int32_t t) { W.toR[t] = r; W.matchWeight[t] = synonymWeight; W.synonym[t] = 1; });
  }
  const double n1 = static_cast<double>(n + 1);
  for (int32_t r = 0; r < nVR; r++) W.isfR[r] = jsLog(n1 / static_cast<double>(dfR[r]));
  W.isfS.resize(nVS);
  // Smoothed (n + 1): with one unit per text, log(n / df) would weigh every shared term 0.
  const double logN = jsLog(n1);
  for (int32_t t = 0; t < nVS; t++) {
    W.isfS[t] = dfOther[t] ? jsLog(n1 / static_cast<double>(S.df[t] + dfOther[t])) : logN - S.logDf[t];
  }
  W.normS.assign(S.units(), std::numeric_limits<double>::quiet_NaN());
  W.normR.resize(R.units());
  for (int32_t u = 0; u < R.units(); u++) W.normR[u] = unitNorm(R, W.isfR, u);
  return W;
}

std::vector<Seed> findSeeds(const SentenceModel& S, const SentenceModel& R, PairWeights& W, double minCosine, double minDice, AlignScratch& scratch) {
  const int32_t nR = R.units();
  scratch.dot.assign(nR, 0.0);
  scratch.shared.assign(nR, 0);
  scratch.exact.assign(nR, 0.0);
  scratch.touched.assign(nR, 0);
  double* dot = scratch.dot.data();
  int32_t* shared = scratch.shared.data();
  double* exact = scratch.exact.data();
  int32_t* touched = scratch.touched.data();
  std::vector<Seed> seeds;
  for (int32_t s = 0; s < S.units(); s++) {
    const int32_t sSize = S.termStart[s + 1] - S.termStart[s];
    const int32_t nTouched = accumulateUnit(S, R, W, s, nullptr, dot, shared, touched, exact, false);
    double normS = W.normS[s];
    if (nTouched && std::isnan(normS)) normS = W.normS[s] = unitNorm(S, W.isfS, s);
    for (int32_t i = 0; i < nTouched; i++) {
      const int32_t r = touched[i];
      const int32_t rSize = R.termStart[r + 1] - R.termStart[r];
      const double denom = normS * W.normR[r];
      const double cos = denom > 0 ? dot[r] / denom : 0;
      const double dice = static_cast<double>(2 * shared[r]) / static_cast<double>(sSize + rSize);
      if (cos > minCosine && dice > minDice) seeds.push_back({s, r, cos, denom > 0 ? exact[r] / denom : 0, dice});
      exact[r] = 0;
      dot[r] = 0;
      shared[r] = 0;
    }
  }
  return seeds;
}

double backgroundSimilarity(const SentenceModel& S, const SentenceModel& R, PairWeights& W, const std::vector<uint8_t>& skipS, const std::vector<uint8_t>& skipR, AlignScratch& scratch) {
  const int32_t nR = R.units();
  scratch.dot.assign(nR, 0.0);
  scratch.shared.assign(nR, 0);
  scratch.touched.assign(nR, 0);
  double* dot = scratch.dot.data();
  int32_t* shared = scratch.shared.data();
  int32_t* touched = scratch.touched.data();
  double sum = 0;
  int32_t n = 0;
  for (int32_t s = 0; s < S.units(); s++) {
    if (skipS[s]) continue;
    n++;
    const int32_t nTouched = accumulateUnit(S, R, W, s, skipR.data(), dot, shared, touched, nullptr, true);
    if (nTouched == 0) continue;
    double normS = W.normS[s];
    if (std::isnan(normS)) normS = W.normS[s] = unitNorm(S, W.isfS, s);
    double best = 0;
    for (int32_t i = 0; i < nTouched; i++) {
      const int32_t r = touched[i];
      const double denom = normS * W.normR[r];
      if (denom > 0) best = jsMax(best, dot[r] / denom);
      dot[r] = 0;
      shared[r] = 0;
    }
    sum += best;
  }
  return n ? sum / n : 0;
}

}  // namespace origo
