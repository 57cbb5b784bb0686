// The shared shapes of Origo's compiled text kernel (native/text/): a document made ready for
// alignment, the alignment parameters and a found passage. They mirror the TypeScript engine
// (src/engine/text/): `AlignmentInput` and `ModelSource` (align/align.ts, align/sentence-model.ts),
// `AlignParams` (types.ts) and `Passage`. Offsets are UTF-16 code units, as in JavaScript strings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace origo {

// A document prepared for alignment.
struct Document {
  // The text as UTF-16 code units (what a JavaScript string holds).
  std::u16string text;
  // Per word: start and end (exclusive) offsets in `text`.
  std::vector<int32_t> wordStart;
  std::vector<int32_t> wordEnd;
  // Per word: 32-bit FNV-1a hash of its normalised key's UTF-16 code units, as a signed integer
  // (`LexiconTable.hashes`); verbatim runs compare these.
  std::vector<int32_t> keyHash;
  // Per word: the number of its stem when it is a content word, -1 otherwise (`ModelSource.wordStem`).
  // Stem numbers are one numbering for all documents of a run (equal stems, equal numbers).
  std::vector<int32_t> wordStem;
  // Per sentence: span in `text` and its words [firstWord, endWord) (`ModelSource.sentence*`).
  std::vector<int32_t> sentenceStart;
  std::vector<int32_t> sentenceEnd;
  std::vector<int32_t> sentenceFirstWord;
  std::vector<int32_t> sentenceEndWord;
  // ISO 639-1 code of the document's language ("und" when unknown); English documents use synonyms.
  std::string language;
};

// English WordNet synonyms numbered like `Document::wordStem` (`SynonymIndex` of align/synonyms.ts):
// the synonyms of stem s are list[start[s] .. start[s + 1]), in the order of their synsets.
struct SynonymIndex {
  std::vector<int32_t> start;
  std::vector<int32_t> list;
};

// `AlignParams` of src/engine/text/types.ts with the defaults of `DEFAULT_ALIGN_PARAMS` (align.ts).
struct AlignParams {
  double seedCosine = 0.36;
  double seedDice = 0.36;
  double validation = 0.34;
  double synonymWeight = 0.5;
  int32_t neighbourReach = 1;
  double singleSeedSimilarity = 0.5;
  double loneSeedSimilarity = 0.6;
  double topicalBackground = 0.1;
  double weakSimilarity = 0.45;
  double weakSeedCoverage = 0.6;
};

enum class PassageKind : int32_t { Verbatim = 0, Paraphrase = 1, Summary = 2 };

// A reused passage in characters of the two texts (`Passage` of types.ts).
struct Passage {
  int32_t offset;
  int32_t length;
  int32_t sourceOffset;
  int32_t sourceLength;
  PassageKind kind;
  double similarity;
};

}  // namespace origo
