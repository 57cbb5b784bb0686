// The alignment steps of a kernel run: pairs aligned on threads, and their detection files.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <unordered_map>
#include "align.h"
#include "kernel.h"
#include "kernel-models.h"
#include "sentence-model.h"

namespace origo {

namespace {

// PAN's detection file of a pair (`detectionXml`, src/pan/xml.ts).
std::string detectionXml(const PairFile& file, const std::vector<Passage>& passages) {
  std::string xml = "<document reference=\"" + file.suspiciousReference + "\">\n";
  for (const Passage& p : passages) {
    xml += "<feature name=\"detected-plagiarism\" this_offset=\"" + std::to_string(p.offset) + "\" this_length=\"" + std::to_string(p.length) +
           "\" source_reference=\"" + file.sourceReference + "\" source_offset=\"" + std::to_string(p.sourceOffset) + "\" source_length=\"" +
           std::to_string(p.sourceLength) + "\"/>\n";
  }
  xml += "</document>\n";
  return xml;
}

// Writes a file whole; on failure returns why.
std::string writeWhole(const std::string& path, const std::string& content) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return path + ": " + std::strerror(errno);
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int writeErrno = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) return path + ": " + std::strerror(written ? errno : writeErrno);
  return "";
}

}  // namespace

void TextKernel::align(const std::vector<std::pair<int32_t, int32_t>>& pairs, const AlignParams& params) {
  for (const auto& [s, r] : pairs) {
    if (!docs_[s].finished || !docs_[r].finished) throw std::invalid_argument("origo::TextKernel::align: a document of a pair is not prepared");
  }
  found_.assign(pairs.size(), {});
  // Pairs grouped by submission, in order of its first pair: a thread takes a whole group.
  std::unordered_map<int32_t, size_t> groupOf;
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < pairs.size(); i++) {
    auto g = groupOf.emplace(pairs[i].first, groups.size());
    if (g.second) groups.emplace_back();
    groups[g.first->second].push_back(i);
  }
  parallelFor(groups.size(), threads_, [&](size_t g) {
    // One aligner per thread: its working memory is reused from pair to pair.
    thread_local std::unique_ptr<Aligner> aligner;
    thread_local const SynonymIndex* alignerSynonyms = nullptr;
    if (!aligner || alignerSynonyms != &models_->synonyms) {
      aligner = std::make_unique<Aligner>(&models_->synonyms);
      alignerSynonyms = &models_->synonyms;
    }
    // The group's submission needs its trigram index (made once; no other group has it as submission).
    const int32_t submission = pairs[groups[g].front()].first;
    if (!models_->models[submission].hasTrigrams) addTrigrams(models_->models[submission], docs_[submission].doc);
    for (size_t i : groups[g]) {
      const auto [s, r] = pairs[i];
      found_[i] = aligner->align(docs_[s].doc, models_->models[s], docs_[r].doc, models_->models[r], params);
    }
  });
}

std::string TextKernel::writeDetections(const std::vector<PairFile>& files) {
  if (files.size() != found_.size()) throw std::invalid_argument("origo::TextKernel::writeDetections: one file per aligned pair");
  // One thread: creating files in one folder takes the folder's lock, and a second thread would
  // only spin on it (in ext4, measured: docs/benchmarks.md).
  for (size_t i = 0; i < files.size(); i++) {
    const std::string failed = writeWhole(files[i].path, detectionXml(files[i], found_[i]));
    if (!failed.empty()) return failed;
  }
  return "";
}

}  // namespace origo
