#include "polish-stemmer.h"
#include <algorithm>
#include <vector>

namespace origo {
namespace {

// The suffixes of polish-stemmer.ts, longest first (a stable sort keeps the listed order among equals).
std::vector<std::u16string> suffixes() {
  std::vector<std::u16string> list = {
    u"owaniami", u"owaniach", u"ościami", u"ościach", u"owania", u"owanie", u"owaniu", u"ującym", u"ującej", u"iejszy",
    u"ejszy", u"owych", u"owymi", u"ością", u"ości", u"owie", u"owej", u"owym", u"owy", u"owa", u"owe", u"ami", u"ach",
    u"ego", u"emu", u"ymi", u"imi", u"ych", u"ich", u"iem", u"iej", u"ów", u"om", u"em", u"ej", u"ym", u"im", u"ie", u"ia",
    u"iu", u"ią", u"ię", u"ać", u"eć", u"ić", u"yć", u"ał", u"ała", u"ało", u"ali", u"ały", u"a", u"e", u"i", u"o", u"u", u"y", u"ą", u"ę",
  };
  std::stable_sort(list.begin(), list.end(), [](const std::u16string& a, const std::u16string& b) { return a.size() > b.size(); });
  return list;
}

const std::vector<std::u16string> kSuffixes = suffixes();

}  // namespace

std::u16string stemPolish(const std::u16string& word) {
  for (const auto& s : kSuffixes) {
    if (word.size() >= s.size() + 3 && word.compare(word.size() - s.size(), s.size(), s) == 0) return word.substr(0, word.size() - s.size());
  }
  return word;
}

}  // namespace origo
