// The English (Porter) stemmer: see porter-stemmer.h for what it matches.
//
// The package states its conditions as regular expressions over the character classes
// "vowel" [aeiou], "y", and "other" (anything else). Their parse of a word into alternating
// consonant and vowel runs is forced character by character: a vowel run continues only with
// [aeiou], a consonant run only with characters outside [aeiouy], so a `y` always starts a new
// run of the other kind. Only a word-initial `y` could start either kind of run; the package
// turns it into `Y` first (as this code does), so the first unit is never `y` when measured.
// The measure m is the number of vowel-run-to-consonant-run changes; "m > 0", "m = 1" and
// "m > 1" are the package's three measure expressions.
#include "porter-stemmer.h"

#include <cstddef>

namespace origo {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

inline bool isVowel(char16_t c) {
  return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u';
}

// JavaScript's `.` matches any code unit but these.
inline bool isLineTerminator(char16_t c) {
  return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029;
}

// The measure of s[0, n): vowel-to-consonant changes, `y` reading as the opposite of the unit
// before it. s[0] is never `y` (see porterStem).
int measure(const char16_t* s, size_t n) {
  if (n == 0) return 0;
  int m = 0;
  bool prevVowel = isVowel(s[0]);
  for (size_t j = 1; j < n; ++j) {
    const char16_t c = s[j];
    const bool vowel = isVowel(c) || (c == u'y' && !prevVowel);
    if (prevVowel && !vowel) ++m;
    prevVowel = vowel;
  }
  return m;
}

// Some vowel (y included) in s[0, n): a consonant run, if any, can always be followed by one.
bool hasVowel(const char16_t* s, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    if (isVowel(s[j]) || s[j] == u'y') return true;
  }
  return false;
}

// The whole of s[0, n) is one consonant run, one vowel (y included), and a final consonant
// other than w, x or y: the short words that get their `e` back.
bool isShortSyllable(const char16_t* s, size_t n) {
  if (n < 3 || isVowel(s[0])) return false;
  for (size_t j = 1; j + 2 < n; ++j) {
    if (isVowel(s[j]) || s[j] == u'y') return false;
  }
  const char16_t v = s[n - 2];
  const char16_t last = s[n - 1];
  return (isVowel(v) || v == u'y') && !isVowel(last) && last != u'w' && last != u'x' && last != u'y';
}

bool endsWith(const char16_t* s, size_t n, const char* suffix, size_t len) {
  if (len > n) return false;
  const char16_t* tail = s + (n - len);
  for (size_t j = 0; j < len; ++j) {
    if (tail[j] != static_cast<char16_t>(suffix[j])) return false;
  }
  return true;
}

template <size_t N>
bool endsWith(const char16_t* s, size_t n, const char (&suffix)[N]) {
  return endsWith(s, n, suffix, N - 1);
}

struct Rule {
  const char* suffix;
  size_t length;
  const char* replacement;
  size_t replacementLength;
};

#define ORIGO_RULE(suffix, replacement) \
  Rule { suffix, sizeof(suffix) - 1, replacement, sizeof(replacement) - 1 }

// Each list is ordered longest suffix first: the package's lazy `^(.+?)(a|b|...)$` takes the
// longest listed suffix that leaves at least one unit before it.
const Rule kStep2[] = {
    ORIGO_RULE("ational", "ate"), ORIGO_RULE("ization", "ize"), ORIGO_RULE("iveness", "ive"),
    ORIGO_RULE("fulness", "ful"), ORIGO_RULE("ousness", "ous"), ORIGO_RULE("tional", "tion"),
    ORIGO_RULE("biliti", "ble"),  ORIGO_RULE("entli", "ent"),   ORIGO_RULE("ousli", "ous"),
    ORIGO_RULE("ation", "ate"),   ORIGO_RULE("alism", "al"),    ORIGO_RULE("aliti", "al"),
    ORIGO_RULE("iviti", "ive"),   ORIGO_RULE("enci", "ence"),   ORIGO_RULE("anci", "ance"),
    ORIGO_RULE("izer", "ize"),    ORIGO_RULE("alli", "al"),     ORIGO_RULE("ator", "ate"),
    ORIGO_RULE("logi", "log"),    ORIGO_RULE("bli", "ble"),     ORIGO_RULE("eli", "e"),
};

const Rule kStep3[] = {
    ORIGO_RULE("icate", "ic"), ORIGO_RULE("ative", ""), ORIGO_RULE("alize", "al"),
    ORIGO_RULE("iciti", "ic"), ORIGO_RULE("ical", "ic"), ORIGO_RULE("ness", ""),
    ORIGO_RULE("ful", ""),
};

const Rule kStep4[] = {
    ORIGO_RULE("ement", ""), ORIGO_RULE("ance", ""), ORIGO_RULE("ence", ""), ORIGO_RULE("able", ""),
    ORIGO_RULE("ible", ""),  ORIGO_RULE("ment", ""), ORIGO_RULE("ant", ""),  ORIGO_RULE("ent", ""),
    ORIGO_RULE("ism", ""),   ORIGO_RULE("ate", ""),  ORIGO_RULE("iti", ""),  ORIGO_RULE("ous", ""),
    ORIGO_RULE("ive", ""),   ORIGO_RULE("ize", ""),  ORIGO_RULE("al", ""),   ORIGO_RULE("er", ""),
    ORIGO_RULE("ic", ""),    ORIGO_RULE("ou", ""),
};

#undef ORIGO_RULE

template <size_t N>
const Rule* longestSuffix(const Rule (&rules)[N], const char16_t* s, size_t n) {
  for (const Rule& r : rules) {
    if (r.length < n && endsWith(s, n, r.suffix, r.length)) return &r;
  }
  return nullptr;
}

// Replaces the rule's suffix when the stem before it has m > 0. Replacements are never longer
// than their suffix, so the word stays within its buffer.
void replaceIfMeasured(const Rule* rule, char16_t* s, size_t& n) {
  if (rule == nullptr) return;
  const size_t stem = n - rule->length;
  if (measure(s, stem) < 1) return;
  for (size_t j = 0; j < rule->replacementLength; ++j) {
    s[stem + j] = static_cast<char16_t>(rule->replacement[j]);
  }
  n = stem + rule->replacementLength;
}

}  // namespace

std::u16string porterStem(const std::u16string& word) {
  std::u16string out(word);
  for (char16_t& c : out) {
    if (c >= u'A' && c <= u'Z') c = static_cast<char16_t>(c + (u'a' - u'A'));
  }
  size_t n = out.size();
  if (n < 3) return out;
  // The word only shrinks (every step removes at least as much as it appends), so it is
  // rewritten in place and cut to length at the end.
  char16_t* s = &out[0];

  // Characters are only ever removed from or appended at the end, never before a line
  // terminator, so its first position holds for the whole run. With one, no `^(.+?)suffix$`
  // expression matches.
  size_t firstTerminator = kNone;
  for (size_t j = 0; j < n; ++j) {
    if (isLineTerminator(s[j])) {
      firstTerminator = j;
      break;
    }
  }
  const bool plain = firstTerminator == kNone;

  // An initial `y` is a consonant: as `Y` it is outside every vowel class.
  const bool initialY = s[0] == u'y';
  if (initialY) s[0] = u'Y';

  // Step 1a: -sses, -ies lose `es`; a final `s` after anything but `s` goes.
  if (plain && ((n >= 5 && endsWith(s, n, "sses")) || (n >= 4 && endsWith(s, n, "ies")))) {
    n -= 2;
  } else if (s[n - 1] == u's' && s[n - 2] != u's' &&
             (firstTerminator == kNone || firstTerminator >= n - 2)) {
    n -= 1;
  }

  // Step 1b: -eed becomes -ee after a measured stem; -ed and -ing go after a stem with a vowel,
  // which then gets its `e` back or loses a doubled consonant.
  if (plain && n >= 4 && endsWith(s, n, "eed")) {
    if (measure(s, n - 3) >= 1) n -= 1;
  } else if (plain && ((n >= 3 && endsWith(s, n, "ed")) || (n >= 4 && endsWith(s, n, "ing")))) {
    const size_t stem = n - (s[n - 1] == u'd' ? 2 : 3);
    if (hasVowel(s, stem)) {
      n = stem;
      if (endsWith(s, n, "at") || endsWith(s, n, "bl") || endsWith(s, n, "iz")) {
        s[n++] = u'e';
      } else if (n >= 2 && s[n - 1] == s[n - 2] && !isVowel(s[n - 1]) && s[n - 1] != u'y' &&
                 s[n - 1] != u'l' && s[n - 1] != u's' && s[n - 1] != u'z') {
        n -= 1;
      } else if (isShortSyllable(s, n)) {
        s[n++] = u'e';
      }
    }
  }

  // Step 1c: a final `y` after a stem with a vowel becomes `i`.
  if (plain && n >= 2 && s[n - 1] == u'y' && hasVowel(s, n - 1)) s[n - 1] = u'i';

  // Steps 2 and 3: double and single suffixes mapped to shorter ones after a measured stem.
  if (plain) replaceIfMeasured(longestSuffix(kStep2, s, n), s, n);
  if (plain) replaceIfMeasured(longestSuffix(kStep3, s, n), s, n);

  // Step 4: the longest listed suffix goes when its stem has m > 1 (a shorter one is not tried);
  // only a word ending in none of them may lose -ion after s or t, so at most one suffix goes.
  if (plain) {
    if (const Rule* rule = longestSuffix(kStep4, s, n)) {
      if (measure(s, n - rule->length) >= 2) n -= rule->length;
    } else if (n >= 5 && endsWith(s, n, "ion") && (s[n - 4] == u's' || s[n - 4] == u't') &&
               measure(s, n - 3) >= 2) {
      n -= 3;
    }
  }

  // Step 5: a final `e` goes after a stem with m > 1, or m = 1 unless the stem is a short syllable;
  // then -ll loses an `l` when the word has m > 1.
  if (plain && n >= 2 && s[n - 1] == u'e') {
    const int m = measure(s, n - 1);
    if (m >= 2 || (m == 1 && !isShortSyllable(s, n - 1))) n -= 1;
  }
  if (n >= 2 && s[n - 1] == u'l' && s[n - 2] == u'l' && measure(s, n) >= 2) n -= 1;

  if (initialY) s[0] = u'y';
  out.resize(n);
  return out;
}

}  // namespace origo
