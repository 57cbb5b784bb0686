// Verbatim runs (port of src/engine/text/align/verbatim.ts): maximal runs of identical
// normalised words shared by two documents, found from shared word trigrams, and chains of runs
// that follow each other on both sides.
#pragma once

#include <cstdint>
#include <vector>

namespace origo {

// A run of words equal on both sides: submission words [s, s + len), source words [r, r + len).
struct Run {
  int32_t s;
  int32_t r;
  int32_t len;
};

// Word trigrams of a document's key hashes in an open hash table (chains through `next`; each
// chain lists positions in ascending order).
struct TrigramIndex {
  int32_t mask = 15;
  std::vector<int32_t> head;
  std::vector<int32_t> next;
  std::vector<int32_t> hash;
};

TrigramIndex buildTrigramIndex(const std::vector<int32_t>& keys);

// Maximal runs of at least `minWords` identical words, each reported once, from its start, in
// order of the source position; `index` is the trigram index of `submission`.
std::vector<Run> verbatimRuns(const TrigramIndex& index, const std::vector<int32_t>& submission, const std::vector<int32_t>& source, int32_t minWords);

// Chains runs that follow each other on both sides with at most `gap` words between them.
std::vector<std::vector<Run>> chainRuns(const std::vector<Run>& runs, int32_t gap);

}  // namespace origo
