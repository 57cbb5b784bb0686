// UTF-8 to UTF-16, as Node decodes a file read with the 'utf8' encoding.
#pragma once
#include <string>

namespace origo {

// Decodes UTF-8 bytes into UTF-16 code units. Ill-formed sequences become U+FFFD, one per
// maximal ill-formed subpart (the WHATWG Encoding Standard, which V8 follows); a byte order
// mark is kept, as Node's `readFileSync(file, 'utf8')` keeps it.
std::u16string decodeUtf8(const std::string& bytes);

}  // namespace origo
