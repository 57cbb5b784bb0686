#include "lexicon.h"
#include "unicode-classes.h"
#include "words.h"

namespace origo {

int32_t StemNumbers::number(const char16_t* stem, size_t length) {
  // An empty stem (Snowball's Czech stemmer makes one of "y" and "e") is never found again in
  // lexicon.ts's numbering (its hash compares unequal to the stored one), so each form with an
  // empty stem gets a number of its own there; here too, so the two engines agree.
  if (length == 0) {
    stems_.emplace_back();
    hashes_.push_back(0);
    return static_cast<int32_t>(stems_.size() - 1);
  }
  const int32_t h = fnv1a(stem, length);
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  uint32_t i = static_cast<uint32_t>(h) & mask;
  for (; slots_[i] != 0; i = (i + 1) & mask) {
    const int32_t id = slots_[i] - 1;
    if (hashes_[id] == h && stems_[id].size() == length && stems_[id].compare(0, length, stem, length) == 0) return id;
  }
  const int32_t id = static_cast<int32_t>(stems_.size());
  stems_.emplace_back(stem, length);
  hashes_.push_back(h);
  slots_[i] = id + 1;
  if (2 * stems_.size() > slots_.size()) grow();
  return id;
}

void StemNumbers::grow() {
  slots_.assign(slots_.size() * 2, 0);
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  for (size_t id = 0; id < stems_.size(); id++) {
    uint32_t i = static_cast<uint32_t>(hashes_[id]) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<int32_t>(id) + 1;
  }
}

bool hasLetter(const std::u16string& key) {
  for (char16_t c : key) {
    if (c >= 0x61 && c <= 0x7a) return true;
    if (c >= 0x80) {
      for (char16_t d : key) if (kUnicodeClasses[d] & kLetter) return true;
      return false;
    }
  }
  return false;
}

int32_t asciiKeyHash(const char16_t* text, int32_t start, int32_t end) {
  uint32_t h = 0x811c9dc5u;
  for (int32_t k = start; k < end; k++) {
    char16_t c = text[k];
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    h = (h ^ c) * 0x01000193u;
  }
  return static_cast<int32_t>(h);
}

int32_t LexiconTable::idOfAscii(const char16_t* text, int32_t start, int32_t end, int32_t hash) {
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  const int32_t n = end - start;
  uint32_t i = static_cast<uint32_t>(hash) & mask;
  for (; slots_[i].id != 0; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash != hash || slot.length != n) continue;
    const char16_t* key = chars_.data() + slot.offset;
    int32_t k = 0;
    for (; k < n; k++) {
      char16_t c = text[start + k];
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      if (key[k] != c) break;
    }
    if (k == n) return slot.id - 1;
  }
  std::u16string key(text + start, static_cast<size_t>(n));
  for (auto& c : key) if (c >= 0x41 && c <= 0x5a) c |= 0x20;
  return add(std::move(key), hash, i);
}

int32_t LexiconTable::idOf(const std::u16string& key, int32_t hash) {
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  const int32_t n = static_cast<int32_t>(key.size());
  uint32_t i = static_cast<uint32_t>(hash) & mask;
  for (; slots_[i].id != 0; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == hash && slot.length == n && key.compare(0, key.size(), chars_.data() + slot.offset, key.size()) == 0) return slot.id - 1;
  }
  return add(key, hash, i);
}

int32_t LexiconTable::add(std::u16string key, int32_t hash, uint32_t slot) {
  const int32_t id = static_cast<int32_t>(entries.size());
  const bool stop = stops_ && stops_->count(key) > 0;
  const bool content = !stop && hasLetter(key);
  const int32_t offset = static_cast<int32_t>(chars_.size());
  chars_.insert(chars_.end(), key.begin(), key.end());
  slots_[slot] = Slot{hash, id + 1, offset, static_cast<int32_t>(key.size())};
  entries.push_back(LexiconEntry{std::move(key), hash, stop, content, content ? kStemPending : -1, {}});
  if (10 * entries.size() > 7 * slots_.size()) grow();
  return id;
}

void LexiconTable::grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{0, 0, 0, 0});
  old.swap(slots_);
  const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
  for (const Slot& s : old) {
    if (s.id == 0) continue;
    uint32_t i = static_cast<uint32_t>(s.hash) & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace origo
