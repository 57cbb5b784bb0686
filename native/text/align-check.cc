// Equivalence check of the compiled alignment against the TypeScript engine: reads the file
// scripts/dump-align-inputs.mjs writes (documents, English synonyms, pairs and the passages
// `alignInputs` gives for each), builds the sentence models, aligns every pair with
// origo::Aligner and compares. Also compares the C library's log with the Math.log values of the
// dump. Prints one JSON line. Built and run by scripts/check-native-align.mjs.
//
//   align-check <dump-file> [--threads N] [--repeat N]
//
// alignSeconds: single-threaded time of aligning all pairs (models built), the least of --repeat runs.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "align.h"
#include "js-math.h"
#include "sentence-model.h"

using namespace origo;

namespace {

class Reader {
 public:
  explicit Reader(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    data_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  template <typename T> T get() {
    if (at_ + sizeof(T) > data_.size()) throw std::runtime_error("dump file ends early");
    T x;
    std::memcpy(&x, data_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return x;
  }
  uint32_t u32() { return get<uint32_t>(); }
  std::vector<int32_t> i32s() {
    std::vector<int32_t> v(u32());
    for (auto& x : v) x = get<int32_t>();
    return v;
  }
  std::u16string utf16() {
    std::u16string s(u32(), u'\0');
    for (auto& c : s) c = get<char16_t>();
    return s;
  }
  std::string utf8() {
    const uint32_t n = u32();
    if (at_ + n > data_.size()) throw std::runtime_error("dump file ends early");
    std::string s(data_.data() + at_, n);
    at_ += n;
    return s;
  }
  bool done() const { return at_ == data_.size(); }

 private:
  std::vector<char> data_;
  size_t at_ = 0;
};

struct Pair {
  std::string name;
  uint32_t s;
  uint32_t r;
  std::vector<Passage> expected;
};

const char* kindName(PassageKind k) {
  switch (k) {
    case PassageKind::Verbatim: return "verbatim";
    case PassageKind::Paraphrase: return "paraphrase";
    case PassageKind::Summary: return "summary";
  }
  return "?";
}

std::string json(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') { out += '\\'; out += c; }
    else if (static_cast<unsigned char>(c) < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); out += b; }
    else out += c;
  }
  return out + "\"";
}

std::string json(const Passage& p) {
  char b[200];
  std::snprintf(b, sizeof b, "{\"offset\":%d,\"length\":%d,\"sourceOffset\":%d,\"sourceLength\":%d,\"kind\":\"%s\",\"similarity\":%.17g}",
                p.offset, p.length, p.sourceOffset, p.sourceLength, kindName(p.kind), p.similarity);
  return b;
}

std::string json(const std::vector<Passage>& ps) {
  std::string out = "[";
  for (size_t i = 0; i < ps.size(); i++) out += (i ? "," : "") + json(ps[i]);
  return out + "]";
}

bool same(const Passage& a, const Passage& b, bool& bitwise) {
  if (a.offset != b.offset || a.length != b.length || a.sourceOffset != b.sourceOffset || a.sourceLength != b.sourceLength || a.kind != b.kind) return false;
  if (std::memcmp(&a.similarity, &b.similarity, sizeof(double)) != 0) bitwise = false;
  return std::fabs(a.similarity - b.similarity) <= 1e-12;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: align-check <dump-file> [--threads N]\n"); return 2; }
  int threads = 0;
  int repeat = 1;
  for (int i = 2; i < argc; i++) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
  }
  try {
    Reader in(argv[1]);
    if (in.u32() != 0x4c41524f || in.u32() != 2) throw std::runtime_error("not an align-inputs dump (version 2)");
    AlignParams params;
    params.seedCosine = in.get<double>();
    params.seedDice = in.get<double>();
    params.validation = in.get<double>();
    params.synonymWeight = in.get<double>();
    params.neighbourReach = in.get<int32_t>();
    params.singleSeedSimilarity = in.get<double>();
    params.loneSeedSimilarity = in.get<double>();
    params.topicalBackground = in.get<double>();
    params.weakSimilarity = in.get<double>();
    params.weakSeedCoverage = in.get<double>();
    std::vector<Document> docs(in.u32());
    for (Document& d : docs) {
      d.text = in.utf16();
      d.wordStart = in.i32s();
      d.wordEnd = in.i32s();
      d.keyHash = in.i32s();
      d.wordStem = in.i32s();
      d.sentenceStart = in.i32s();
      d.sentenceEnd = in.i32s();
      d.sentenceFirstWord = in.i32s();
      d.sentenceEndWord = in.i32s();
      d.language = in.utf8();
    }
    SynonymIndex synonyms;
    synonyms.start = in.i32s();
    synonyms.list = in.i32s();
    std::vector<Pair> pairs(in.u32());
    for (Pair& p : pairs) {
      p.name = in.utf8();
      p.s = in.u32();
      p.r = in.u32();
      p.expected.resize(in.u32());
      for (Passage& x : p.expected) {
        x.offset = in.get<int32_t>();
        x.length = in.get<int32_t>();
        x.sourceOffset = in.get<int32_t>();
        x.sourceLength = in.get<int32_t>();
        x.kind = static_cast<PassageKind>(in.get<int32_t>());
        x.similarity = in.get<double>();
      }
    }
    // Math.log against std::log on what alignment takes the log of.
    const uint32_t maxUnits = in.u32();
    // Counted for glibc's log (std::log) and for jsLog, which alignment uses.
    uint64_t logChecked = 0;
    uint64_t stdLogDiffering = 0;
    uint64_t jsLogDiffering = 0;
    std::string logExample;
    auto checkLog = [&](double js, double x, const char* what) {
      logChecked++;
      const double c = std::log(x);
      const double ours = jsLog(x);
      if (std::memcmp(&js, &ours, sizeof(double)) != 0) jsLogDiffering++;
      if (std::memcmp(&js, &c, sizeof(double)) != 0 && stdLogDiffering++ == 0) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "log(%s = %.17g): Math.log %.17g, std::log %.17g", what, x, js, c);
        logExample = buf;
      }
    };
    for (uint32_t k = 1; k <= maxUnits + 1; k++) checkLog(in.get<double>(), static_cast<double>(k), "k");
    for (uint32_t n = 1; n <= maxUnits; n++) {
      for (uint32_t df = 1; df <= n; df++) checkLog(in.get<double>(), static_cast<double>(n + 1) / static_cast<double>(df), "(n+1)/df");
    }
    if (!in.done()) throw std::runtime_error("dump file has trailing bytes");

    using Clock = std::chrono::steady_clock;
    const auto m0 = Clock::now();
    std::vector<SentenceModel> models;
    models.reserve(docs.size());
    for (const Document& d : docs) models.push_back(buildSentenceModel(d));
    const double modelSeconds = std::chrono::duration<double>(Clock::now() - m0).count();

    Aligner aligner(&synonyms);
    std::vector<std::vector<Passage>> got(pairs.size());
    double alignSeconds = 0;
    for (int run = 0; run < repeat; run++) {
      const auto a0 = Clock::now();
      for (size_t i = 0; i < pairs.size(); i++) got[i] = aligner.align(docs[pairs[i].s], models[pairs[i].s], docs[pairs[i].r], models[pairs[i].r], params);
      const double seconds = std::chrono::duration<double>(Clock::now() - a0).count();
      if (run == 0 || seconds < alignSeconds) alignSeconds = seconds;
    }

    size_t identical = 0;
    bool bitwise = true;
    std::vector<std::string> differences;
    for (size_t i = 0; i < pairs.size(); i++) {
      const std::vector<Passage>& want = pairs[i].expected;
      bool ok = want.size() == got[i].size();
      for (size_t k = 0; ok && k < want.size(); k++) ok = same(want[k], got[i][k], bitwise);
      if (ok) { identical++; continue; }
      if (differences.size() < 5) differences.push_back("{\"pair\":" + json(pairs[i].name) + ",\"expected\":" + json(want) + ",\"got\":" + json(got[i]) + "}");
    }

    // The same pairs on several threads at once, one aligner each: the same passages.
    std::string threaded;
    if (threads > 1) {
      std::vector<std::vector<Passage>> again(pairs.size());
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; t++) {
        pool.emplace_back([&, t] {
          Aligner own(&synonyms);
          for (size_t i = t; i < pairs.size(); i += threads) {
            const SentenceModel S = buildSentenceModel(docs[pairs[i].s]);
            const SentenceModel R = buildSentenceModel(docs[pairs[i].r]);
            again[i] = own.align(docs[pairs[i].s], S, docs[pairs[i].r], R, params);
          }
        });
      }
      for (std::thread& th : pool) th.join();
      size_t equal = 0;
      for (size_t i = 0; i < pairs.size(); i++) {
        bool ok = again[i].size() == got[i].size();
        bool unused = true;
        for (size_t k = 0; ok && k < again[i].size(); k++) ok = same(again[i][k], got[i][k], unused) && std::memcmp(&again[i][k].similarity, &got[i][k].similarity, sizeof(double)) == 0;
        if (ok) equal++;
      }
      threaded = ",\"threads\":" + std::to_string(threads) + ",\"threadedEqualPairs\":" + std::to_string(equal);
    }

    std::ostringstream out;
    out << "{\"pairs\":" << pairs.size() << ",\"identical\":" << identical << ",\"differing\":" << pairs.size() - identical
        << ",\"similarityBitIdentical\":" << (bitwise && identical == pairs.size() ? "true" : "false")
        << ",\"firstDifferences\":[";
    for (size_t i = 0; i < differences.size(); i++) out << (i ? "," : "") << differences[i];
    char times[160];
    std::snprintf(times, sizeof times, "],\"alignSeconds\":%.4f,\"modelSeconds\":%.4f", alignSeconds, modelSeconds);
    out << times << ",\"logChecked\":" << logChecked << ",\"stdLogDiffering\":" << stdLogDiffering
        << ",\"jsLogDiffering\":" << jsLogDiffering;
    if (stdLogDiffering) out << ",\"stdLogExample\":" << json(logExample);
    out << threaded << "}";
    std::printf("%s\n", out.str().c_str());
    return identical == pairs.size() && jsLogDiffering == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "align-check: %s\n", e.what());
    return 2;
  }
}
