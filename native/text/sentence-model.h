// The sentence view of a document used by passage alignment (port of
// src/engine/text/align/sentence-model.ts): sentences, short ones merged into their neighbour,
// as bags of stemmed content words, with the document's vocabulary, document frequencies and
// postings. Also the word-trigram index of the document's key hashes (verbatim.h), which the
// TypeScript engine caches per text and the C++ aligner keeps with the model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "verbatim.h"

namespace origo {

struct SentenceModel {
  // Per unit: span in the text and first and one-past-last word.
  std::vector<int32_t> start;
  std::vector<int32_t> end;
  std::vector<int32_t> firstWord;
  std::vector<int32_t> endWord;
  // Per unit: its distinct terms and their counts; unit u owns [termStart[u], termStart[u + 1]).
  std::vector<int32_t> termStart;
  std::vector<int32_t> terms;
  // (Whole numbers: the TypeScript engine's Float64Array holds the same values.)
  std::vector<int32_t> counts;
  // Per term (the document's distinct stems, numbered in order of first occurrence): its stem
  // number (`Document::wordStem`), the number of units it occurs in, and the log of that.
  std::vector<int32_t> vocabStem;
  std::vector<int32_t> df;
  std::vector<double> logDf;
  // Per term t: the units it occurs in, ascending, and its count in each, at
  // [postStart[t], postStart[t + 1]) of postUnits and postCounts.
  std::vector<int32_t> postStart;
  std::vector<int32_t> postUnits;
  std::vector<int32_t> postCounts;
  // The document's language (ISO 639-1, "und" when unknown).
  std::string language;
  // Word trigrams of the document's key hashes (used when the document is the submission).
  TrigramIndex trigrams;
  bool hasTrigrams = false;
  // The document's number of words and length in UTF-16 code units (align checks a model
  // belongs to its document by these).
  int32_t words = 0;
  int32_t textLength = 0;

  int32_t units() const { return static_cast<int32_t>(start.size()); }
  int32_t vocabulary() const { return static_cast<int32_t>(vocabStem.size()); }
};

// Builds the sentence model of a prepared document. Safe to call from several threads at once.
// Throws std::invalid_argument when the document's columns do not fit together (lengths,
// offsets outside the text, word ranges outside the words, stems below -1).
// `withTrigrams`: build the word-trigram index too (needed only when the document is aligned as
// a submission; `addTrigrams` adds it later).
SentenceModel buildSentenceModel(const Document& document, bool withTrigrams = true);
void addTrigrams(SentenceModel& model, const Document& document);

// Throws std::invalid_argument unless the document's columns fit together.
void checkDocument(const Document& document);

}  // namespace origo
