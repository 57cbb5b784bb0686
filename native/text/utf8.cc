#include "utf8.h"

namespace origo {

std::u16string decodeUtf8(const std::string& bytes) {
  std::u16string out;
  // Plain ASCII (most texts, or most of a text) is widened in one pass into a string of its exact length.
  size_t ascii = 0;
  const size_t total = bytes.size();
  while (ascii < total && static_cast<unsigned char>(bytes[ascii]) < 0x80) ascii++;
  if (ascii == total) {
    out.resize(total);
    for (size_t i = 0; i < total; i++) out[i] = static_cast<char16_t>(bytes[i]);
    return out;
  }
  out.reserve(total);
  uint32_t cp = 0;
  int needed = 0, seen = 0;
  unsigned lower = 0x80, upper = 0xbf;
  auto emit = [&out](uint32_t c) {
    if (c < 0x10000) {
      out.push_back(static_cast<char16_t>(c));
    } else {
      c -= 0x10000;
      out.push_back(static_cast<char16_t>(0xd800 + (c >> 10)));
      out.push_back(static_cast<char16_t>(0xdc00 + (c & 0x3ff)));
    }
  };
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; i++) {
    const unsigned b = static_cast<unsigned char>(bytes[i]);
    if (needed == 0) {
      if (b < 0x80) {
        out.push_back(static_cast<char16_t>(b));
      } else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1; cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b == 0xe0) lower = 0xa0;
        if (b == 0xed) upper = 0x9f;
        needed = 2; cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b == 0xf0) lower = 0x90;
        if (b == 0xf4) upper = 0x8f;
        needed = 3; cp = b & 0x7;
      } else {
        out.push_back(u'\ufffd');
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one ill-formed subpart; this byte starts afresh.
      cp = 0; needed = 0; seen = 0; lower = 0x80; upper = 0xbf;
      out.push_back(u'\ufffd');
      i--;
      continue;
    }
    lower = 0x80; upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen == needed) {
      emit(cp);
      cp = 0; needed = 0; seen = 0;
    }
  }
  if (needed) out.push_back(u'\ufffd');
  return out;
}

}  // namespace origo
