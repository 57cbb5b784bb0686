// The English (Porter) stemmer of Origo's compiled text kernel. It gives exactly the stems of the
// npm package `stemmer` 2.0.1 that the TypeScript engine uses (src/engine/text/stemming.ts),
// working on UTF-16 code units as that package works on JavaScript string code units:
//  - every code unit that is not one of a e i o u y counts as a consonant (digits, apostrophes,
//    accented letters, surrogates), and `y` is a vowel after a consonant, a consonant after a vowel;
//    a word-initial `y` is always a consonant;
//  - words shorter than 3 code units are returned unchanged;
//  - the suffix rules need a non-empty stem before the suffix, and a word holding a line
//    terminator (\n \r U+2028 U+2029) only loses a final `s` (step 1a) or the second `l` of `ll`,
//    as JavaScript's `.` matches no line terminator.
// scripts/check-porter-stemmer.mjs compares it with the package word by word.
#pragma once

#include <string>

namespace origo {

// The stem of `word`. ASCII A-Z are lower-cased first; other characters must already be lower-cased
// as JavaScript's `toLowerCase` leaves them (the engine stems case-folded word keys; the package's
// own `toLowerCase` is then a no-op on them). Thread-safe: no state besides the arguments.
std::u16string porterStem(const std::u16string& word);

}  // namespace origo
