{
  "targets": [
    {
      "target_name": "origo_text",
      "sources": [
        "addon.cc",
        "text/kernel.cc",
        "text/batch-memory.cc",
        "text/language-data.cc",
        "text/kernel-align.cc",
        "text/porter-stemmer.cc",
        "text/sentence-model.cc",
        "text/seeds.cc",
        "text/extension.cc",
        "text/verbatim.cc",
        "text/align.cc",
        "text/js-math.cc",
        "text/words.cc",
        "text/lexicon.cc",
        "text/sentences.cc",
        "text/synonyms.cc",
        "text/polish-stemmer.cc",
        "text/utf8.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "generated"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_CPP_EXCEPTIONS", "NODE_ADDON_API_CPP_EXCEPTIONS_ALL"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-O2", "-ffp-contract=off", "-fexceptions"],
      "cflags": ["-O2", "-ffp-contract=off"]
    }
  ]
}
