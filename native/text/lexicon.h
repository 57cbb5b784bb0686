// Word forms and stems (src/engine/text/lexicon.ts): one table of forms per language, one stem
// numbering for every language.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace origo {

// Stems numbered from 0 in the order they are met (equal stems, equal numbers).
class StemNumbers {
 public:
  int32_t number(const char16_t* stem, size_t length);
  int32_t number(const std::u16string& stem) { return number(stem.data(), stem.size()); }
  size_t size() const { return stems_.size(); }
  void reserve(size_t n) { stems_.reserve(n); hashes_.reserve(n); }

 private:
  void grow();
  std::vector<std::u16string> stems_;
  std::vector<int32_t> hashes_;
  // Open addressing: slot -> number + 1 (0 when empty).
  std::vector<int32_t> slots_ = std::vector<int32_t>(64, 0);
};

// A word form of a language.
struct LexiconEntry {
  std::u16string key;
  int32_t hash;
  bool stop;
  // Not a stop word, and has a letter (numbers are not content words).
  bool content;
  // Number of its stem for a content word (kStemPending until it is stemmed), -1 otherwise.
  int32_t stemId;
  // The stem while it waits for its number.
  std::u16string stem;
};

constexpr int32_t kStemPending = -2;

// The key hash (FNV-1a) of the plain ASCII word text[start, end), lower-cased.
int32_t asciiKeyHash(const char16_t* text, int32_t start, int32_t end);

// Numbers are not content words: a key counts when it has a letter (`hasLetter`).
bool hasLetter(const std::u16string& key);

// The forms of one language, found by the FNV-1a hash of the form.
class LexiconTable {
 public:
  explicit LexiconTable(const std::unordered_set<std::u16string>* stops) : stops_(stops) {}
  void reserve(size_t n) { entries.reserve(n); chars_.reserve(8 * n); }
  // The entry number of the plain ASCII word text[start, end), lower-cased, whose key hash is `hash`.
  int32_t idOfAscii(const char16_t* text, int32_t start, int32_t end, int32_t hash);
  // The entry number of a normalised form whose hash is `hash`.
  int32_t idOf(const std::u16string& key, int32_t hash);
  std::vector<LexiconEntry> entries;

 private:
  // Open addressing: a slot holds the form's hash, entry number + 1 (0 when empty) and where its
  // characters are in `chars_`, so a look-up reads one slot and the characters, not the entry.
  struct Slot { int32_t hash; int32_t id; int32_t offset; int32_t length; };
  int32_t add(std::u16string key, int32_t hash, uint32_t slot);
  void grow();
  const std::unordered_set<std::u16string>* stops_;
  std::vector<Slot> slots_ = std::vector<Slot>(1024, Slot{0, 0, 0, 0});
  std::vector<char16_t> chars_;
};

}  // namespace origo
