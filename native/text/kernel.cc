#include "kernel.h"
#include "kernel-models.h"
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <thread>
#include "polish-stemmer.h"
#include "porter-stemmer.h"
#include "sentences.h"
#include "synonyms.h"
#include "utf8.h"
#include "words.h"

namespace origo {
namespace {

// V8's String::kMaxLength on 64-bit platforms (UTF-16 units).
constexpr size_t kLongestJavaScriptString = 0x1fffffe8;

// Words at the start of a text the language detector looks at (language.ts).
constexpr size_t kLanguageSampleWords = 500;

// Reads a whole file into `bytes` (a buffer each thread reuses, so reading costs no new memory).
bool readFile(const std::string& path, std::string& bytes) {
  bytes.clear();
  // O_NONBLOCK: opening a named pipe must not wait for a writer (a FIFO is then refused as not
  // a regular file); it changes nothing for a regular file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) {
    // The size fstat gives, then whatever a growing file adds.
    bytes.resize(static_cast<size_t>(st.st_size) + 1);
    size_t used = 0;
    for (;;) {
      if (used == bytes.size()) bytes.resize(2 * bytes.size());
      const ssize_t got = ::read(fd, &bytes[used], bytes.size() - used);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) { ok = false; break; }
      if (got == 0) break;
      used += static_cast<size_t>(got);
    }
    bytes.resize(used);
  }
  ::close(fd);
  return ok;
}

}  // namespace

void parallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  // The first failure stops every thread taking more work and is thrown on the calling thread.
  std::exception_ptr failure;
  std::mutex failureLock;
  auto work = [&]() {
    try {
      for (size_t i = next++; i < n; i = next++) fn(i);
    } catch (...) {
      std::lock_guard<std::mutex> hold(failureLock);
      if (!failure) failure = std::current_exception();
      next = n;
    }
  };
  const int extra = threads > 1 && n > 1 ? threads - 1 : 0;
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(extra));
  // A thread the system refuses (a limit on threads or memory) leaves the work to those started:
  // an exception here would destroy joinable threads, which aborts the process.
  try {
    for (int t = 0; t < extra; t++) pool.emplace_back(work);
  } catch (const std::system_error&) {
  }
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// Shards beyond a few cost more than they give: each shard's thread scans every word for its own.
TextKernel::TextKernel(int threads) : threads_(threads < 1 ? 1 : threads), shards_(threads < 1 ? 1 : threads < 8 ? threads : 8), models_(std::make_unique<Models>()) {
  stems_.reserve(1 << 16);
  configure(builtInLanguages());
}

TextKernel::~TextKernel() = default;

int32_t TextKernel::functionMask(const char16_t* text, int32_t start, int32_t end, bool ascii, const std::u16string* key, int32_t hash) const {
  const uint32_t mask = static_cast<uint32_t>(functionSlots_.size() - 1);
  for (uint32_t i = static_cast<uint32_t>(hash) & mask; functionSlots_[i] != 0; i = (i + 1) & mask) {
    const std::u16string& w = functionWords_[functionSlots_[i] - 1].first;
    if (ascii) {
      if (static_cast<int32_t>(w.size()) != end - start) continue;
      int32_t k = 0;
      for (; k < end - start; k++) {
        char16_t c = text[start + k];
        if (c >= 0x41 && c <= 0x5a) c |= 0x20;
        if (w[k] != c) break;
      }
      if (k == end - start) return functionWords_[functionSlots_[i] - 1].second;
    } else if (w == *key) {
      return functionWords_[functionSlots_[i] - 1].second;
    }
  }
  return 0;
}

const std::string& TextKernel::stemmerOf(int32_t language) const {
  static const std::string none = "none";
  const size_t nLanguages = config_->languages.size();
  auto s = config_->stemmers.find(static_cast<size_t>(language) < nLanguages ? config_->languages[language] : "und");
  return s == config_->stemmers.end() ? none : s->second;
}

void TextKernel::configure(std::shared_ptr<const LanguageConfig> config) {
  config_ = std::move(config);
  functionWords_.assign(config_->functionWords.begin(), config_->functionWords.end());
  size_t slots = 64;
  while (slots < 4 * functionWords_.size()) slots *= 2;
  functionSlots_.assign(slots, 0);
  for (size_t k = 0; k < functionWords_.size(); k++) {
    const std::u16string& w = functionWords_[k].first;
    uint32_t i = static_cast<uint32_t>(fnv1a(w.data(), w.size())) & (slots - 1);
    while (functionSlots_[i] != 0) i = (i + 1) & (slots - 1);
    functionSlots_[i] = static_cast<int32_t>(k) + 1;
  }
  tables_.clear();
  const size_t nLanguages = config_->languages.size();
  for (size_t l = 0; l <= nLanguages; l++) {
    const std::string language = l < nLanguages ? config_->languages[l] : "und";
    auto stops = config_->stopWords.find(language);
    for (int32_t s = 0; s < shards_; s++) {
      tables_.push_back(std::make_unique<LexiconTable>(stops == config_->stopWords.end() ? nullptr : &stops->second));
      if (language == "en") tables_.back()->reserve(static_cast<size_t>((1 << 16) / shards_));
    }
  }
}

void TextKernel::readDocuments(const std::vector<std::string>& paths, std::vector<std::u16string>& foldLatin, std::vector<std::u16string>& foldOther) {
  docs_.assign(paths.size(), KernelDocument());
  parallelFor(paths.size(), threads_, [&](size_t i) {
    KernelDocument& d = docs_[i];
    thread_local std::string bytes;
    if (!readFile(paths[i], bytes)) { d.unsupported = "cannot be read"; return; }
    d.doc.text = decodeUtf8(bytes);
    // Longer than V8's longest string (String::kMaxLength): the TypeScript engine cannot read it,
    // and neither should the kernel (its offsets are 32-bit); left to readPanText, which says so.
    if (d.doc.text.size() > kLongestJavaScriptString) { std::u16string().swap(d.doc.text); d.unsupported = "longer than the longest JavaScript string"; return; }
    WordScan scan = scanWords(d.doc.text);
    if (!scan.unsupported.empty()) { d.unsupported = scan.unsupported; return; }
    d.doc.wordStart = std::move(scan.start);
    d.doc.wordEnd = std::move(scan.end);
    d.ascii = std::move(scan.ascii);
    // Only the folding of non-ASCII words asks whether the text is mostly Latin.
    for (uint8_t a : d.ascii) {
      if (!a) { d.latin = isLatinText(d.doc.text); break; }
    }
    segmentSentences(d.doc);
  });
  for (auto& d : docs_) {
    if (!d.unsupported.empty()) continue;
    auto& fold = d.latin ? foldLatin_ : foldOther_;
    auto& list = d.latin ? foldLatin : foldOther;
    for (size_t w = 0; w < d.ascii.size(); w++) {
      if (d.ascii[w]) continue;
      std::u16string raw(d.doc.text, d.doc.wordStart[w], d.doc.wordEnd[w] - d.doc.wordStart[w]);
      auto found = fold.find(raw);
      if (found == fold.end()) {
        fold.emplace(raw, static_cast<int32_t>(list.size()));
        list.push_back(std::move(raw));
      }
    }
  }
}

bool TextKernel::detectLanguages(const std::vector<std::u16string>& latinKeys, const std::vector<std::u16string>& otherKeys) {
  latinKeys_ = latinKeys;
  otherKeys_ = otherKeys;
  const auto& languages = config_->languages;
  const size_t nLanguages = languages.size();
  // Per document, in parallel: each word's key hash (the key of a non-ASCII word is its folded
  // form, whose number `entry` holds until the forms are found), and the language from the
  // function words among the first words (languageOfMasks).
  parallelFor(docs_.size(), threads_, [&](size_t i) {
    KernelDocument& d = docs_[i];
    if (!d.unsupported.empty()) return;
    const auto& fold = d.latin ? foldLatin_ : foldOther_;
    const auto& keys = d.latin ? latinKeys_ : otherKeys_;
    const std::u16string& text = d.doc.text;
    const size_t n = d.ascii.size();
    std::u16string scratch;
    d.doc.keyHash.resize(n);
    d.entry.assign(n, -1);
    for (size_t w = 0; w < n; w++) {
      if (d.ascii[w]) {
        d.doc.keyHash[w] = asciiKeyHash(text.data(), d.doc.wordStart[w], d.doc.wordEnd[w]);
      } else {
        scratch.assign(text, d.doc.wordStart[w], d.doc.wordEnd[w] - d.doc.wordStart[w]);
        d.entry[w] = fold.at(scratch);
        const std::u16string& key = keys.at(d.entry[w]);
        d.doc.keyHash[w] = fnv1a(key.data(), key.size());
      }
    }
    const size_t sample = n < kLanguageSampleWords ? n : kLanguageSampleWords;
    std::vector<int32_t> hits(nLanguages, 0);
    for (size_t w = 0; w < sample; w++) {
      const int32_t mask = functionMask(text.data(), d.doc.wordStart[w], d.doc.wordEnd[w], d.ascii[w] != 0, d.ascii[w] ? nullptr : &keys[d.entry[w]], d.doc.keyHash[w]);
      if (mask == 0) continue;
      for (size_t l = 0; l < nLanguages; l++) if (mask & (1 << l)) hits[l]++;
    }
    int32_t best = -1, bestHits = 0;
    for (size_t l = 0; l < nLanguages; l++) if (hits[l] > bestHits) { best = static_cast<int32_t>(l); bestHits = hits[l]; }
    const double needed = 0.08 * static_cast<double>(sample);
    const bool known = sample > 0 && best >= 0 && static_cast<double>(bestHits) >= (needed > 2 ? needed : 2);
    d.languageIndex = known ? best : static_cast<int32_t>(nLanguages);
    d.doc.language = known ? languages[best] : "und";
  });
  for (const auto& d : docs_) if (d.unsupported.empty() && stemmerOf(d.languageIndex) == "js") return true;
  return false;
}

std::vector<StemRequest> TextKernel::prepareForms() {
  const size_t nLanguages = config_->languages.size();
  // The forms, one thread per shard: each form (by its key hash) belongs to one shard, so the
  // threads share no table. Then each shard's new forms are stemmed when the kernel can.
  parallelFor(static_cast<size_t>(shards_), threads_, [&](size_t shard) {
    for (size_t i = 0; i < docs_.size(); i++) {
      KernelDocument& d = docs_[i];
      if (!d.unsupported.empty()) continue;
      const char16_t* text = d.doc.text.data();
      const std::vector<std::u16string>& keys = d.latin ? latinKeys_ : otherKeys_;
      LexiconTable& t = table(d.languageIndex, static_cast<int32_t>(shard));
      for (size_t w = 0; w < d.ascii.size(); w++) {
        const int32_t hash = d.doc.keyHash[w];
        if (shardOf(hash) != static_cast<int32_t>(shard)) continue;
        const int32_t id = d.ascii[w] ? t.idOfAscii(text, d.doc.wordStart[w], d.doc.wordEnd[w], hash) : t.idOf(keys[d.entry[w]], hash);
        d.entry[w] = id * shards_ + static_cast<int32_t>(shard);
      }
    }
    for (size_t l = 0; l <= nLanguages; l++) {
      const std::string& stemmer = stemmerOf(static_cast<int32_t>(l));
      if (stemmer != "porter" && stemmer != "polish") continue;
      for (LexiconEntry& e : table(static_cast<int32_t>(l), static_cast<int32_t>(shard)).entries) {
        if (e.stemId == kStemPending && e.stem.empty()) e.stem = stemmer == "porter" ? porterStem(e.key) : stemPolish(e.key);
      }
    }
  });
  // Stem numbers (one numbering, so on one thread), and the forms JavaScript stems.
  std::vector<StemRequest> requests;
  for (size_t l = 0; l <= nLanguages; l++) {
    const std::string& stemmer = stemmerOf(static_cast<int32_t>(l));
    StemRequest request{l < nLanguages ? config_->languages[l] : "und", {}};
    for (int32_t s = 0; s < shards_; s++) {
      auto& entries = table(static_cast<int32_t>(l), s).entries;
      for (size_t e = 0; e < entries.size(); e++) {
        LexiconEntry& entry = entries[e];
        if (entry.stemId != kStemPending) continue;
        if (stemmer == "porter" || stemmer == "polish") {
          entry.stemId = stems_.number(entry.stem);
          std::u16string().swap(entry.stem);
        } else if (stemmer == "js") {
          request.entries.emplace_back(static_cast<int32_t>(l) * shards_ + s, static_cast<int32_t>(e));
        } else {
          entry.stemId = stems_.number(entry.key);
        }
      }
    }
    if (!request.entries.empty()) requests.push_back(std::move(request));
  }
  // The documents whose stems are all known now, and the synonym index (task 0: it numbers stems,
  // so it runs alone among tasks that do not).
  models_->models.resize(docs_.size());
  bool english = false;
  for (const auto& d : docs_) english = english || (d.unsupported.empty() && d.doc.language == "en");
  parallelFor(docs_.size() + 1, threads_, [&](size_t task) {
    if (task == 0) {
      if (english && !models_->synonymsBuilt) {
        models_->synonyms = buildSynonymIndex(config_->synonymGroups, stems_);
        models_->synonymsBuilt = true;
      }
      return;
    }
    const KernelDocument& d = docs_[task - 1];
    if (d.unsupported.empty() && stemmerOf(d.languageIndex) != "js") finishDocument(task - 1);
  });
  return requests;
}

void TextKernel::finishDocument(size_t i) {
  KernelDocument& d = docs_[i];
  const size_t n = d.entry.size();
  d.doc.wordStem.resize(n);
  for (size_t w = 0; w < n; w++) {
    const int32_t id = d.entry[w];
    const LexiconEntry& e = table(d.languageIndex, id % shards_).entries[id / shards_];
    d.doc.wordStem[w] = e.content ? e.stemId : -1;
  }
  std::vector<uint8_t>().swap(d.ascii);
  std::vector<int32_t>().swap(d.entry);
  models_->models[i] = buildSentenceModel(d.doc, false);
  d.finished = true;
}

std::vector<std::u16string> TextKernel::requestForms(const StemRequest& request) const {
  std::vector<std::u16string> forms;
  forms.reserve(request.entries.size());
  for (const auto& [t, e] : request.entries) forms.push_back(tables_[t]->entries[e].key);
  return forms;
}

void TextKernel::setStems(const std::vector<StemRequest>& requests, const std::vector<std::vector<std::u16string>>& stems) {
  for (size_t r = 0; r < requests.size(); r++) {
    for (size_t k = 0; k < requests[r].entries.size(); k++) {
      const auto& [t, e] = requests[r].entries[k];
      tables_[t]->entries[e].stemId = stems_.number(stems[r][k]);
    }
  }
  parallelFor(docs_.size(), threads_, [&](size_t i) {
    const KernelDocument& d = docs_[i];
    if (d.unsupported.empty() && stemmerOf(d.languageIndex) == "js") finishDocument(i);
  });
}

}  // namespace origo
