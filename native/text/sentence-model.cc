#include "sentence-model.h"

#include "js-math.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <stdexcept>
#include <string>

namespace origo {

namespace {

// Sentences with fewer content words than this are merged with the next one.
constexpr int32_t kMinUnitTerms = 3;

void fail(const std::string& what) { throw std::invalid_argument("origo::Document: " + what); }

}  // namespace

void checkDocument(const Document& d) {
  const size_t nWords = d.wordStart.size();
  if (d.text.size() > static_cast<size_t>(INT32_MAX) || nWords > static_cast<size_t>(INT32_MAX)) fail("too long");
  if (d.wordEnd.size() != nWords || d.keyHash.size() != nWords || d.wordStem.size() != nWords) fail("wordStart, wordEnd, keyHash and wordStem differ in length");
  const int32_t textLength = static_cast<int32_t>(d.text.size());
  for (size_t w = 0; w < nWords; w++) {
    if (d.wordStart[w] < 0 || d.wordStart[w] > d.wordEnd[w] || d.wordEnd[w] > textLength) fail("word " + std::to_string(w) + " outside the text");
    if (d.wordStem[w] < -1) fail("word " + std::to_string(w) + " has a stem number below -1");
  }
  const size_t nSentences = d.sentenceStart.size();
  if (d.sentenceEnd.size() != nSentences || d.sentenceFirstWord.size() != nSentences || d.sentenceEndWord.size() != nSentences) fail("the sentence columns differ in length");
  for (size_t i = 0; i < nSentences; i++) {
    if (d.sentenceStart[i] < 0 || d.sentenceStart[i] > d.sentenceEnd[i] || d.sentenceEnd[i] > textLength) fail("sentence " + std::to_string(i) + " outside the text");
    if (d.sentenceFirstWord[i] < 0 || d.sentenceFirstWord[i] > d.sentenceEndWord[i] || d.sentenceEndWord[i] > static_cast<int32_t>(nWords)) fail("sentence " + std::to_string(i) + " has words outside the words");
  }
}

SentenceModel buildSentenceModel(const Document& d, bool withTrigrams) {
  checkDocument(d);
  // Stem number -> term + 1 of the model being built; kept zeroed between builds (one per thread).
  thread_local std::vector<int32_t> termOfStem;
  const std::vector<int32_t>& wordStem = d.wordStem;
  int32_t contentWords = 0;
  for (int32_t stem : wordStem) if (stem >= 0) contentWords++;
  // Group sentences into units with enough content words: unit u spans sentences
  // groupFirst[u]..groupLast[u].
  const int32_t nSentences = static_cast<int32_t>(d.sentenceStart.size());
  // Working memory, one per thread (reused from document to document: no new memory to touch).
  thread_local std::vector<int32_t> groupFirst, groupLast, bag, touched, fill;
  if (groupFirst.size() < static_cast<size_t>(nSentences)) { groupFirst.resize(nSentences); groupLast.resize(nSentences); }
  int32_t n = 0;
  int32_t open = -1;
  int32_t count = 0;
  for (int32_t i = 0; i < nSentences; i++) {
    if (open < 0) open = i;
    for (int32_t w = d.sentenceFirstWord[i]; w < d.sentenceEndWord[i]; w++) if (wordStem[w] >= 0) count++;
    if (count >= kMinUnitTerms) { groupFirst[n] = open; groupLast[n] = i; n++; open = -1; count = 0; }
  }
  if (open >= 0) {
    if (n) groupLast[n - 1] = nSentences - 1;
    else { groupFirst[0] = open; groupLast[0] = nSentences - 1; n = 1; }
  }
  SentenceModel m;
  m.language = d.language;
  m.start.resize(n);
  m.end.resize(n);
  m.firstWord.resize(n);
  m.endWord.resize(n);
  m.termStart.resize(n + 1);
  m.terms.reserve(contentWords);
  m.counts.reserve(contentWords);
  // Counts of the current unit's terms, by term (kept zeroed), with the terms touched in first-seen order.
  if (bag.size() < static_cast<size_t>(contentWords)) bag.resize(contentWords, 0);
  touched.clear();
  for (int32_t u = 0; u < n; u++) {
    m.start[u] = d.sentenceStart[groupFirst[u]];
    m.end[u] = d.sentenceEnd[groupLast[u]];
    m.firstWord[u] = d.sentenceFirstWord[groupFirst[u]];
    m.endWord[u] = d.sentenceEndWord[groupLast[u]];
    m.termStart[u] = static_cast<int32_t>(m.terms.size());
    for (int32_t w = m.firstWord[u]; w < m.endWord[u]; w++) {
      const int32_t stem = wordStem[w];
      if (stem < 0) continue;
      if (stem >= static_cast<int32_t>(termOfStem.size())) termOfStem.resize(std::max<size_t>(2 * termOfStem.size(), static_cast<size_t>(stem) + 1), 0);
      int32_t t = termOfStem[stem] - 1;
      if (t < 0) {
        t = m.vocabulary();
        m.vocabStem.push_back(stem);
        m.df.push_back(0);
        termOfStem[stem] = t + 1;
      }
      if (bag[t]++ == 0) touched.push_back(t);
    }
    for (int32_t t : touched) {
      m.terms.push_back(t);
      m.counts.push_back(bag[t]);
      m.df[t]++;
      bag[t] = 0;
    }
    touched.clear();
  }
  const int32_t nTerms = static_cast<int32_t>(m.terms.size());
  m.termStart[n] = nTerms;
  const int32_t nVocab = m.vocabulary();
  for (int32_t t = 0; t < nVocab; t++) termOfStem[m.vocabStem[t]] = 0;
  // Postings: each term's units in unit order (counting sort of the units' terms by term).
  m.postStart.assign(nVocab + 1, 0);
  for (int32_t t = 0; t < nVocab; t++) m.postStart[t + 1] = m.postStart[t] + m.df[t];
  fill.assign(m.postStart.begin(), m.postStart.begin() + nVocab);
  m.postUnits.resize(nTerms);
  m.postCounts.resize(nTerms);
  for (int32_t u = 0; u < n; u++) {
    for (int32_t k = m.termStart[u]; k < m.termStart[u + 1]; k++) {
      const int32_t at = fill[m.terms[k]]++;
      m.postUnits[at] = u;
      m.postCounts[at] = m.counts[k];
    }
  }
  m.logDf.resize(nVocab);
  for (int32_t t = 0; t < nVocab; t++) m.logDf[t] = jsLog(static_cast<double>(m.df[t]));
  if (withTrigrams) addTrigrams(m, d);
  m.words = static_cast<int32_t>(d.wordStart.size());
  m.textLength = static_cast<int32_t>(d.text.size());
  return m;
}

void addTrigrams(SentenceModel& model, const Document& document) {
  model.trigrams = buildTrigramIndex(document.keyHash);
  model.hasTrigrams = true;
}

}  // namespace origo
