// Words of a text and the character tests around them (src/engine/text/words.ts, normalise.ts).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace origo {

// Why a text cannot be prepared here (it then goes through the JavaScript engine): empty when it can.
// The kernel leaves out what needs a JavaScript built-in: characters outside the Basic
// Multilingual Plane, and scripts written without spaces (Intl.Segmenter).
struct WordScan {
  std::vector<int32_t> start;
  std::vector<int32_t> end;
  // Per word: 1 when every code unit is plain ASCII (below 0x7f).
  std::vector<uint8_t> ascii;
  std::string unsupported;
};

// Splits a text into words as `scanWords` does: runs of word characters (letters, marks, digits,
// default-ignorable characters), an apostrophe joining letters; runs without a letter or digit
// are no words.
WordScan scanWords(const std::u16string& text);

// Whether most letters of the text (its first 20,000 code units) are Latin (`isLatinText`).
bool isLatinText(const std::u16string& text);

// 32-bit FNV-1a over UTF-16 code units, as a signed integer (the engine's key hash).
inline int32_t fnv1a(const char16_t* s, size_t n) {
  uint32_t h = 0x811c9dc5u;
  for (size_t i = 0; i < n; i++) h = (h ^ static_cast<uint32_t>(s[i])) * 0x01000193u;
  return static_cast<int32_t>(h);
}

}  // namespace origo
