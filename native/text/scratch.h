// Working memory of one aligner (the module-level scratch arrays of the TypeScript engine, kept
// per aligner so aligners on different threads share nothing). Arrays indexed by stem or term
// are kept zeroed between uses; arrays indexed by source unit are reset by their users.
#pragma once

#include <cstdint>
#include <vector>

namespace origo {

struct AlignScratch {
  // Stem number -> submission term + 1 (matching vocabularies) and -> source term + 1 (synonyms).
  std::vector<int32_t> termOfStem;
  std::vector<int32_t> termOfStemR;
  // rangeSimilarity: summed vectors by term, and the terms touched in first-touched order.
  std::vector<double> sumS;
  std::vector<double> sumR;
  std::vector<int32_t> touchedS;
  std::vector<int32_t> touchedR;
  // Seeding and background similarity, by source unit.
  std::vector<double> dot;
  std::vector<double> exact;
  std::vector<int32_t> shared;
  std::vector<int32_t> touched;
};

}  // namespace origo
