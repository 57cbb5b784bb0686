#include "sentences.h"
#include "unicode-classes.h"

namespace origo {
namespace {

// Longest line (characters) taken for a heading when it ends without punctuation.
constexpr int32_t kHeadingLine = 35;

bool isTerminal(char16_t c) {
  return c == 0x2e || c == 0x21 || c == 0x3f || c == 0x2026 || c == 0x3002 || c == 0xff01 || c == 0xff1f;
}

bool isClosing(char16_t c) {
  return isTerminal(c) || c == 0x22 || c == 0x27 || c == 0x201d || c == 0x2019 || c == 0xbb || c == 0x29 || c == 0x5d;
}

bool notLower(const std::u16string& text, int32_t i) {
  const char16_t c = text[i];
  if (c < 0x80) return !(c >= 0x61 && c <= 0x7a);
  return (kUnicodeClasses[c] & kNotLower) != 0;
}

}  // namespace

void segmentSentences(Document& doc) {
  const std::u16string& text = doc.text;
  const auto& starts = doc.wordStart;
  const auto& ends = doc.wordEnd;
  const int32_t n = static_cast<int32_t>(starts.size());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t first = 0;
  int32_t lineStart = 0;
  for (int32_t i = 0; i < n; i++) {
    const int32_t wEnd = ends[i];
    bool boundary = i + 1 == n;
    if (!boundary) {
      const int32_t nextStart = starts[i + 1];
      bool terminal = false;
      int newlines = 0;
      for (int32_t k = wEnd; k < nextStart; k++) {
        const char16_t c = text[k];
        if (isTerminal(c)) terminal = true;
        else if (c == 0x0a) newlines++;
      }
      const bool upper = (terminal || newlines == 1) && notLower(text, nextStart);
      const bool heading = newlines == 1 && upper && wEnd - lineStart <= kHeadingLine;
      boundary = (terminal && upper) || newlines >= 2 || heading;
      if (newlines > 0) lineStart = nextStart;
    }
    if (boundary) {
      const int32_t limit = length < wEnd + 8 ? length : wEnd + 8;
      int32_t end = wEnd;
      while (end < limit && isClosing(text[end])) end++;
      doc.sentenceStart.push_back(starts[first]);
      doc.sentenceEnd.push_back(end);
      doc.sentenceFirstWord.push_back(first);
      doc.sentenceEndWord.push_back(i + 1);
      first = i + 1;
    }
  }
}

}  // namespace origo
