#include "verbatim.h"

#include <algorithm>

namespace origo {

namespace {

// Posting lists longer than this (boilerplate trigrams) are not used to start runs.
constexpr int32_t kMaxPostings = 64;

// Math.imul-style products, XORed, as a signed 32-bit integer.
inline int32_t trigram(const std::vector<int32_t>& k, size_t i) {
  const uint32_t a = static_cast<uint32_t>(k[i]) * 0x9e3779b1u;
  const uint32_t b = static_cast<uint32_t>(k[i + 1]) * 0x85ebca77u;
  const uint32_t c = static_cast<uint32_t>(k[i + 2]) * 0xc2b2ae3du;
  return static_cast<int32_t>(a ^ b ^ c);
}

}  // namespace

TrigramIndex buildTrigramIndex(const std::vector<int32_t>& keys) {
  TrigramIndex index;
  const int32_t n = std::max<int32_t>(0, static_cast<int32_t>(keys.size()) - 2);
  int32_t size = 16;
  while (size < 2 * n) size *= 2;
  index.mask = size - 1;
  index.head.assign(size, -1);
  index.next.resize(n);
  index.hash.resize(n);
  // Inserted backwards so each chain lists positions in ascending order.
  for (int32_t i = n - 1; i >= 0; i--) {
    const int32_t h = trigram(keys, i);
    index.hash[i] = h;
    const uint32_t b = static_cast<uint32_t>(h) & static_cast<uint32_t>(index.mask);
    index.next[i] = index.head[b];
    index.head[b] = i;
  }
  return index;
}

std::vector<Run> verbatimRuns(const TrigramIndex& index, const std::vector<int32_t>& S, const std::vector<int32_t>& R, int32_t minWords) {
  std::vector<Run> runs;
  const int32_t nS = static_cast<int32_t>(S.size());
  const int32_t nR = static_cast<int32_t>(R.size());
  if (nS < 3 || nR < 3 || minWords < 3) return runs;
  for (int32_t j = 0; j + 3 <= nR; j++) {
    const int32_t h = trigram(R, j);
    int32_t seen = 0;
    for (int32_t i = index.head[static_cast<uint32_t>(h) & static_cast<uint32_t>(index.mask)]; i >= 0; i = index.next[i]) {
      if (index.hash[i] != h) continue;
      if (++seen > kMaxPostings) break;
      if (i > 0 && j > 0 && S[i - 1] == R[j - 1]) continue;  // not the start of the run
      int32_t len = 0;
      while (i + len < nS && j + len < nR && S[i + len] == R[j + len]) len++;
      if (len >= minWords) runs.push_back({i, j, len});
    }
  }
  return runs;
}

std::vector<std::vector<Run>> chainRuns(const std::vector<Run>& runs, int32_t gap) {
  std::vector<Run> sorted(runs);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Run& a, const Run& b) { return a.s != b.s ? a.s < b.s : a.r < b.r; });
  std::vector<std::vector<Run>> chains;
  for (const Run& run : sorted) {
    bool joined = false;
    const int32_t nChains = static_cast<int32_t>(chains.size());
    for (int32_t c = nChains - 1; c >= 0 && c >= nChains - 8; c--) {
      const Run& last = chains[c].back();
      const int32_t ds = run.s - (last.s + last.len);
      const int32_t dr = run.r - (last.r + last.len);
      if (ds >= -2 && ds <= gap && dr >= -2 && dr <= gap) { chains[c].push_back(run); joined = true; break; }
    }
    if (!joined) chains.push_back({run});
  }
  return chains;
}

}  // namespace origo
