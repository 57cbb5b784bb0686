// The light Polish stemmer of src/engine/text/polish-stemmer.ts.
#pragma once
#include <string>

namespace origo {

// Strips the longest listed inflectional suffix while a stem of at least three code units remains.
std::u16string stemPolish(const std::u16string& word);

}  // namespace origo
