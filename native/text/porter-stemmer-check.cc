// Standalone check of origo::porterStem (used by scripts/check-porter-stemmer.mjs): reads words
// as UTF-8 lines on stdin and prints their stems as UTF-8 lines on stdout, in order. Lines are
// split on \n only (a \r stays in the word). Ill-formed UTF-8, and lone surrogates on output,
// become U+FFFD.
//
// With `--bench ROUNDS` it also stems all the words ROUNDS more times and prints to stderr one
// line `{"words":W,"rounds":R,"nsPerWord":X}`.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "porter-stemmer.h"

namespace {

std::u16string fromUtf8(const std::string& in) {
  std::u16string out;
  out.reserve(in.size());
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(in[i]);
    char32_t cp = 0xFFFD;
    size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xC2 && b <= 0xF4) {
      const size_t need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t v = b & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
      size_t k = 1;
      for (; k < need && i + k < n; ++k) {
        const unsigned char c = static_cast<unsigned char>(in[i + k]);
        if ((c & 0xC0) != 0x80) break;
        v = (v << 6) | (c & 0x3F);
      }
      const char32_t minimum = need == 2 ? 0x80 : need == 3 ? 0x800 : 0x10000;
      if (k == need && v >= minimum && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
        cp = v;
        len = need;
      } else {
        len = k;  // the valid lead and continuation bytes read so far become one U+FFFD
      }
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

void appendUtf8(std::string& out, const std::u16string& in) {
  const size_t n = in.size();
  for (size_t i = 0; i < n; ++i) {
    char32_t cp = in[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && in[i + 1] >= 0xDC00 && in[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (in[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  long rounds = 0;
  for (int a = 1; a < argc; ++a) {
    if (std::strcmp(argv[a], "--bench") == 0 && a + 1 < argc) {
      rounds = std::strtol(argv[++a], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: %s [--bench ROUNDS] < words\n", argv[0]);
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  std::vector<std::u16string> words;
  std::string line;
  while (std::getline(std::cin, line)) words.push_back(fromUtf8(line));

  std::string out;
  for (const std::u16string& w : words) {
    appendUtf8(out, origo::porterStem(w));
    out.push_back('\n');
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);

  if (rounds > 0 && !words.empty()) {
    size_t sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (long r = 0; r < rounds; ++r) {
      for (const std::u16string& w : words) sink += origo::porterStem(w).size();
    }
    const auto end = std::chrono::steady_clock::now();
    const double ns = std::chrono::duration<double, std::nano>(end - start).count();
    std::fprintf(stderr, "{\"words\":%zu,\"rounds\":%ld,\"nsPerWord\":%.1f,\"sink\":%zu}\n", words.size(),
                 rounds, ns / (static_cast<double>(words.size()) * static_cast<double>(rounds)), sink);
  }
  return 0;
}
