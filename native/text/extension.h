// Extension of seeds into fragments (port of src/engine/text/align/extension.ts): clustering
// along both documents, validation by the similarity of the two ranges as wholes, and boundary
// refinement by hill climbing.
#pragma once

#include <cstdint>
#include <vector>

#include "scratch.h"
#include "seeds.h"
#include "sentence-model.h"

namespace origo {

// A candidate passage pair: inclusive unit ranges on both sides and the seeds behind it.
struct Fragment {
  int32_t s0;
  int32_t s1;
  int32_t r0;
  int32_t r1;
  std::vector<Seed> seeds;
  // Cosine of the summed tf-isf vectors of the two ranges (set by validation).
  double similarity;
};

struct ExtensionParams {
  int32_t suspGap;
  int32_t srcGap;
  double minValidation;
};

enum class Side { S, R };

// Splits seeds into runs along one side wherever consecutive seeds are more than `gap` apart.
std::vector<std::vector<Seed>> splitAlong(const std::vector<Seed>& seeds, Side side, int32_t gap);

// Splits along the submission, then each part along the source, alternately until nothing splits.
std::vector<std::vector<Seed>> cluster(const std::vector<Seed>& seeds, int32_t suspGap, int32_t srcGap);

// Cosine of the summed tf-isf vectors of submission units s0..s1 and source units r0..r1.
double rangeSimilarity(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, int32_t s0, int32_t s1, int32_t r0, int32_t r1, AlignScratch& scratch);

std::vector<Fragment> extend(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, const std::vector<Seed>& seeds, const ExtensionParams& p, AlignScratch& scratch);

Fragment refineBoundaries(const SentenceModel& S, const SentenceModel& R, const PairWeights& W, const Fragment& f, AlignScratch& scratch);

}  // namespace origo
