// Sentences of a text from its words (src/engine/text/sentences.ts).
#pragma once
#include <string>
#include "document.h"

namespace origo {

// Fills the sentence columns of `doc` from its text and word columns, as `segmentSentences` does:
// a sentence ends where the gap after a word holds terminal punctuation and the next word does
// not start in lower case, at a blank line, or after a short heading line.
void segmentSentences(Document& doc);

}  // namespace origo
