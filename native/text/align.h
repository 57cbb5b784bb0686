// Passage alignment within one language (port of alignInputs, src/engine/text/align/align.ts):
// sentence seeds clustered into fragments, summaries, verbatim runs; the same passages as the
// TypeScript engine. One Aligner per thread: it holds the working memory of alignment.
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"
#include "scratch.h"
#include "sentence-model.h"

namespace origo {

class Aligner {
 public:
  // `englishSynonyms` (may be null: no synonyms) must outlive the aligner.
  explicit Aligner(const SynonymIndex* englishSynonyms);

  // Passages of `submission` reused from `source`; S and R are their sentence models
  // (buildSentenceModel). Passages shorter than minWords words or minChars characters on either
  // side are left out. Throws std::invalid_argument when a model was not built from its document.
  std::vector<Passage> align(const Document& submission, const SentenceModel& S, const Document& source, const SentenceModel& R,
                             const AlignParams& params = AlignParams(), int32_t minWords = 8, int32_t minChars = 150);

 private:
  const SynonymIndex* synonyms_;
  AlignScratch scratch_;
};

}  // namespace origo
