// What a kernel run keeps for alignment: the documents' sentence models and the English synonym
// index (shared by kernel.cc, which builds them, and kernel-align.cc, which aligns with them).
#pragma once
#include <vector>
#include "kernel.h"
#include "sentence-model.h"

namespace origo {

struct TextKernel::Models {
  std::vector<SentenceModel> models;
  SynonymIndex synonyms;
  bool synonymsBuilt = false;
};

}  // namespace origo
