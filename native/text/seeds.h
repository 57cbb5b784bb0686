// Sentence seeds (port of src/engine/text/align/seeds.ts): per-pair tf-isf weights (with English
// synonyms), pairs of similar units, and the background similarity of a pair.
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"
#include "scratch.h"
#include "sentence-model.h"

namespace origo {

// A seed: a submission unit and a source unit that are similar.
struct Seed {
  int32_t s;
  int32_t r;
  // Cosine of the two units' tf-isf vectors; the same counting equal stems only; Dice of the term sets.
  double cos;
  double exactCos;
  double dice;
};

// Per-pair weights (tf-isf over the units of both documents). toR[t]: the source term of
// submission term t (-1 when the source lacks it).
struct PairWeights {
  std::vector<double> isfS;
  std::vector<double> isfR;
  std::vector<int32_t> toR;
  // Per submission term: weight of its match (1 for the same stem, synonymWeight for a synonym),
  // and 1 when it is matched to a synonym.
  std::vector<double> matchWeight;
  std::vector<uint8_t> synonym;
  // Norms of the units' vectors; the submission's are computed on first use (NaN until then).
  std::vector<double> normS;
  std::vector<double> normR;
};

// `synonyms` (may be null) is used only when both documents are English and synonymWeight > 0.
PairWeights pairWeights(const SentenceModel& S, const SentenceModel& R, const SynonymIndex* synonyms, double synonymWeight, AlignScratch& scratch);

std::vector<Seed> findSeeds(const SentenceModel& S, const SentenceModel& R, PairWeights& W, double minCosine, double minDice, AlignScratch& scratch);

double backgroundSimilarity(const SentenceModel& S, const SentenceModel& R, PairWeights& W, const std::vector<uint8_t>& skipS, const std::vector<uint8_t>& skipR, AlignScratch& scratch);

}  // namespace origo
