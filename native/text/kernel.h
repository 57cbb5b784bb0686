// A PAN-style run of the compiled text kernel: documents read and prepared, then pairs aligned,
// on several threads. The JavaScript side (src/native/text-kernel.ts) drives it in steps, giving
// it what only JavaScript has: the folded keys of non-ASCII words (NFKC, case mapping,
// homoglyphs: normalise.ts) and the stems of languages without a stemmer here (Snowball).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>
#include "document.h"
#include "lexicon.h"

namespace origo {

// What the JavaScript engine knows of languages: the function words of language detection
// (language.ts) and the stop words (stop-words.ts).
struct LanguageConfig {
  // Detection order (ties go to the earlier language).
  std::vector<std::string> languages;
  // Function word -> bit mask over `languages`.
  std::unordered_map<std::u16string, int32_t> functionWords;
  std::unordered_map<std::string, std::unordered_set<std::u16string>> stopWords;
  // Per language of `languages` (and "und"): how its forms are stemmed: "porter" and "polish"
  // here, "js" by JavaScript (Snowball), "none" (the form is its own stem).
  std::unordered_map<std::string, std::string> stemmers;
  // The English synonym groups (wordnet-synonyms.ts).
  std::u16string synonymGroups;
};

// One document of a run while it is prepared.
struct KernelDocument {
  Document doc;
  // Per word while preparing: 1 for a plain ASCII word, and its form (entry number * shards + shard).
  std::vector<uint8_t> ascii;
  std::vector<int32_t> entry;
  bool latin = true;
  std::string unsupported;
  int32_t languageIndex = -1;
  // Its stems and sentence model are made: it can be aligned.
  bool finished = false;
};

// Stems wanted from JavaScript: the forms of one language, as (table, entry) numbers.
struct StemRequest {
  std::string language;
  std::vector<std::pair<int32_t, int32_t>> entries;
};

// Where the detection file of a pair goes (PAN's detection XML), with the two documents'
// references as they appear in it (XML-escaped, UTF-8).
struct PairFile {
  std::string path;
  std::string suspiciousReference;
  std::string sourceReference;
};

class TextKernel {
 public:
  explicit TextKernel(int threads);
  ~TextKernel();

  // Step 1: reads and decodes the files and finds their words and sentences. Returns the
  // distinct non-ASCII words to fold, those of mostly Latin texts and those of other texts.
  void readDocuments(const std::vector<std::string>& paths, std::vector<std::u16string>& foldLatin, std::vector<std::u16string>& foldOther);
  // The languages (the kernel starts with `builtInLanguages()`; tests may give others).
  void configure(std::shared_ptr<const LanguageConfig> config);
  // Step 2: the folded keys of step 1's words, in its order: each word's key hash, and each
  // document's language. Says whether a document needs stems from JavaScript.
  bool detectLanguages(const std::vector<std::u16string>& latinKeys, const std::vector<std::u16string>& otherKeys);
  // Step 3: the forms of the words, the stems the kernel makes (one numbering), and the sentence
  // models of the documents that need no stem from JavaScript (the English synonym index too).
  // Returns the forms to stem in JavaScript.
  std::vector<StemRequest> prepareForms();
  // The forms of a request, as strings.
  std::vector<std::u16string> requestForms(const StemRequest& request) const;
  // Step 4: the stems of the requests of step 3, in their order; the remaining models.
  void setStems(const std::vector<StemRequest>& requests, const std::vector<std::vector<std::u16string>>& stems);
  // Step 5: aligns pairs of documents (indices of step 1), all threads taking pairs grouped by
  // submission; `out[i]` are the passages of pair i (kept for `writeDetections`).
  void align(const std::vector<std::pair<int32_t, int32_t>>& pairs, const AlignParams& params);
  const std::vector<std::vector<Passage>>& passages() const { return found_; }
  // Step 6: writes the detection file of each pair of step 5 (`files[i]` for pair i); a file
  // that cannot be written is named in the returned message ('' when all were written).
  std::string writeDetections(const std::vector<PairFile>& files);

  size_t size() const { return docs_.size(); }
  const KernelDocument& document(size_t i) const { return docs_[i]; }

 private:
  struct Models;
  LexiconTable& table(int32_t language, int32_t shard) { return *tables_[static_cast<size_t>(language) * shards_ + shard]; }
  int32_t shardOf(int32_t hash) const { return static_cast<int32_t>((static_cast<uint64_t>(static_cast<uint32_t>(hash)) * shards_) >> 32); }
  const std::string& stemmerOf(int32_t language) const;
  // A document's stem column, and its sentence model.
  void finishDocument(size_t i);
  std::shared_ptr<const LanguageConfig> config_;
  int threads_;
  // The forms of a language are split in shards by hash, one thread finding those of each shard.
  int32_t shards_;
  std::vector<KernelDocument> docs_;
  std::unordered_map<std::u16string, int32_t> foldLatin_, foldOther_;
  std::vector<std::u16string> latinKeys_, otherKeys_;
  // Per language of config_->languages, then "und": its shards.
  std::vector<std::unique_ptr<LexiconTable>> tables_;
  // The function words by key hash (open addressing: slot -> word number + 1) and their masks.
  std::vector<int32_t> functionSlots_;
  std::vector<std::pair<std::u16string, int32_t>> functionWords_;
  int32_t functionMask(const char16_t* text, int32_t start, int32_t end, bool ascii, const std::u16string* key, int32_t hash) const;
  StemNumbers stems_;
  std::unique_ptr<Models> models_;
  std::vector<std::vector<Passage>> found_;
};

// The TypeScript engine's language data, compiled in (language-data.cc).
std::shared_ptr<const LanguageConfig> builtInLanguages();

// Runs fn(i) for i in [0, n) on `threads` threads taking indices from one counter.
void parallelFor(size_t n, int threads, const std::function<void(size_t)>& fn);

}  // namespace origo
