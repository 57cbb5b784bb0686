// The English synonym index (src/engine/text/align/synonyms.ts) numbered with a run's stems.
#pragma once
#include <string>
#include "document.h"
#include "lexicon.h"

namespace origo {

// Reads WordNet's synonym groups (one group of space-separated Porter stems per line, the text of
// src/engine/text/align/wordnet-synonyms.ts), numbering each stem with `stems`: the synonyms of
// stem s are every other member of each group holding s, group after group.
SynonymIndex buildSynonymIndex(const std::u16string& groups, StemNumbers& stems);

}  // namespace origo
