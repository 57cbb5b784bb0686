#include "words.h"
#include "unicode-classes.h"

namespace origo {

WordScan scanWords(const std::u16string& text) {
  WordScan out;
  const size_t n = text.size();
  out.start.reserve(n / 5);
  out.end.reserve(n / 5);
  out.ascii.reserve(n / 5);
  for (size_t k = 0; k < n; k++) {
    const char16_t c = text[k];
    if (c >= 0xd800 && c <= 0xdfff) { out.unsupported = "characters outside the Basic Multilingual Plane"; return out; }
  }
  size_t i = 0;
  while (i < n) {
    uint8_t k = kUnicodeClasses[text[i]];
    if (!(k & kWord)) { i++; continue; }
    const size_t start = i;
    bool ascii = true, visible = false, unspaced = false;
    for (;;) {
      if (text[i] > 0x7e) ascii = false;
      if (k & kVisible) visible = true;
      if (k & kUnspaced) unspaced = true;
      i++;
      if (i >= n) break;
      k = kUnicodeClasses[text[i]];
      if (k & kWord) continue;
      if ((k & kApostrophe) && i + 1 < n && (kUnicodeClasses[text[i + 1]] & kLetterOrMark)) {
        ascii = ascii && text[i] < 0x7f;
        i++;
        k = kUnicodeClasses[text[i]];
        continue;
      }
      break;
    }
    if (!visible) continue;
    if (unspaced) { out.unsupported = "a script written without spaces between words"; return out; }
    out.start.push_back(static_cast<int32_t>(start));
    out.end.push_back(static_cast<int32_t>(i));
    out.ascii.push_back(ascii ? 1 : 0);
  }
  return out;
}

bool isLatinText(const std::u16string& text) {
  size_t latin = 0, other = 0;
  const size_t n = text.size() < 20000 ? text.size() : 20000;
  for (size_t i = 0; i < n; i++) {
    const char16_t c = text[i];
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x370 && (kUnicodeClasses[c] & kLetter)) other++;
  }
  return latin >= other;
}

}  // namespace origo
