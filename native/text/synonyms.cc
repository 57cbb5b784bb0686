#include "synonyms.h"

namespace origo {

SynonymIndex buildSynonymIndex(const std::u16string& text, StemNumbers& stems) {
  std::vector<int32_t> ids;
  std::vector<int32_t> groupStart{0};
  int32_t max = 0;
  size_t tokenStart = 0;
  for (size_t i = 0; i <= text.size(); i++) {
    const char16_t c = i < text.size() ? text[i] : u'\n';
    if (c != u' ' && c != u'\n') continue;
    if (i > tokenStart) {
      const int32_t id = stems.number(text.data() + tokenStart, i - tokenStart);
      ids.push_back(id);
      if (id > max) max = id;
    }
    tokenStart = i + 1;
    if (c == u'\n') groupStart.push_back(static_cast<int32_t>(ids.size()));
  }
  const size_t nGroups = groupStart.size() - 1;
  SynonymIndex index;
  index.start.assign(static_cast<size_t>(max) + 2, 0);
  for (size_t g = 0; g < nGroups; g++) {
    const int32_t size = groupStart[g + 1] - groupStart[g];
    for (int32_t k = groupStart[g]; k < groupStart[g + 1]; k++) index.start[ids[k] + 1] += size - 1;
  }
  for (int32_t s = 0; s <= max; s++) index.start[s + 1] += index.start[s];
  std::vector<int32_t> fill(index.start.begin(), index.start.begin() + max + 1);
  index.list.assign(static_cast<size_t>(index.start[max + 1]), 0);
  for (size_t g = 0; g < nGroups; g++) {
    const int32_t a = groupStart[g], b = groupStart[g + 1];
    for (int32_t k = a; k < b; k++) {
      const int32_t s = ids[k];
      for (int32_t o = a; o < b; o++) if (o != k) index.list[fill[s]++] = ids[o];
    }
  }
  return index;
}

}  // namespace origo
