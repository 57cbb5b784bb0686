// Node-API binding of the compiled text kernel (native/text/): the `TextKernel` class that
// src/engine/text/native-kernel.ts drives. Errors inside the kernel become JavaScript errors.
#include <napi.h>
#include <functional>
#include <memory>
#include "text/batch-memory.h"
#include "text/kernel.h"
#include "unicode-classes.h"

namespace {

std::vector<std::u16string> stringsOf(const Napi::Value& value, const char* what) {
  if (!value.IsArray()) throw Napi::TypeError::New(value.Env(), std::string(what) + " must be an array of strings");
  const Napi::Array array = value.As<Napi::Array>();
  std::vector<std::u16string> out;
  out.reserve(array.Length());
  for (uint32_t i = 0; i < array.Length(); i++) {
    const Napi::Value v = array.Get(i);
    if (!v.IsString()) throw Napi::TypeError::New(value.Env(), std::string(what) + " must be an array of strings");
    out.push_back(v.As<Napi::String>().Utf16Value());
  }
  return out;
}

Napi::Array arrayOf(Napi::Env env, const std::vector<std::u16string>& strings) {
  Napi::Array out = Napi::Array::New(env, strings.size());
  for (size_t i = 0; i < strings.size(); i++) out.Set(static_cast<uint32_t>(i), Napi::String::New(env, strings[i]));
  return out;
}

Napi::Int32Array int32s(Napi::Env env, const std::vector<int32_t>& v) {
  Napi::Int32Array out = Napi::Int32Array::New(env, v.size());
  std::copy(v.begin(), v.end(), out.Data());
  return out;
}

std::string utf8Of(const std::u16string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    uint32_t c = s[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.size() && s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff) c = 0x10000 + ((c - 0xd800) << 10) + (s[++i] - 0xdc00);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xc0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3f)); }
    else if (c < 0x10000) { out += static_cast<char>(0xe0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3f)); out += static_cast<char>(0x80 | (c & 0x3f)); }
    else { out += static_cast<char>(0xf0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3f)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3f)); out += static_cast<char>(0x80 | (c & 0x3f)); }
  }
  return out;
}

// Runs a step of the kernel on a thread of libuv's pool (the kernel's own threads start from
// there), so that JavaScript goes on meanwhile; the step's promise settles on the main thread.
class KernelStep : public Napi::AsyncWorker {
 public:
  KernelStep(Napi::Env env, std::function<void()> run, std::function<Napi::Value(Napi::Env)> result, std::function<void()> done)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), run_(std::move(run)), result_(std::move(result)), done_(std::move(done)) {}
  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override {
    try {
      run_();
    } catch (const std::exception& e) {
      SetError(e.what());
    } catch (...) {
      SetError("the text kernel failed");
    }
  }
  void OnOK() override {
    Napi::Value value;
    try {
      value = result_(Env());
    } catch (const Napi::Error& e) {
      done_();
      deferred_.Reject(e.Value());
      return;
    } catch (const std::exception& e) {
      // (Out of memory while making the answer.) The kernel must not stay busy for ever.
      done_();
      deferred_.Reject(Napi::Error::New(Env(), e.what()).Value());
      return;
    }
    done_();
    deferred_.Resolve(value);
  }
  void OnError(const Napi::Error& e) override {
    done_();
    deferred_.Reject(e.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  std::function<void()> run_;
  std::function<Napi::Value(Napi::Env)> result_;
  std::function<void()> done_;
};

class TextKernelWrap : public Napi::ObjectWrap<TextKernelWrap> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "TextKernel", {
      InstanceMethod<&TextKernelWrap::ReadDocuments>("readDocuments"),
      InstanceMethod<&TextKernelWrap::DetectLanguages>("detectLanguages"),
      InstanceMethod<&TextKernelWrap::PrepareForms>("prepareForms"),
      InstanceMethod<&TextKernelWrap::SetStems>("setStems"),
      InstanceMethod<&TextKernelWrap::Align>("align"),
      InstanceMethod<&TextKernelWrap::WriteDetections>("writeDetections"),
      InstanceMethod<&TextKernelWrap::Document>("document"),
    });
  }

  // new TextKernel(threads, { batch?: boolean }): `batch` tunes the process's allocator for a
  // short batch run (batch-memory.h; `origo pan`).
  explicit TextKernelWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<TextKernelWrap>(info) {
    if (!info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "TextKernel(threads, options)");
    const int32_t threads = info[0].As<Napi::Number>().Int32Value();
    if (threads < 1 || threads > 256) throw Napi::RangeError::New(info.Env(), "threads must be 1 to 256");
    if (info.Length() > 1 && info[1].IsObject() && info[1].As<Napi::Object>().Get("batch").ToBoolean().Value()) origo::tuneMemoryForBatch();
    kernel_ = std::make_shared<origo::TextKernel>(threads);
  }

 private:
  // One step at a time: a step runs on another thread while JavaScript goes on. Each method
  // checks this first: while a step runs, its thread owns the kernel's state (the passages
  // `align` replaces, the documents it prepares), which this thread must not read meanwhile.
  void idle(Napi::Env env, const char* step) const {
    if (busy_) throw Napi::Error::New(env, std::string(step) + ": the previous step of the text kernel has not finished");
  }
  void begin(Napi::Env env, const char* step) {
    idle(env, step);
    busy_ = true;
  }
  Napi::Promise queue(Napi::Env env, std::function<void()> run, std::function<Napi::Value(Napi::Env)> result) {
    Napi::Reference<Napi::Object>* self = new Napi::Reference<Napi::Object>(Napi::Persistent(Value()));
    auto* step = new KernelStep(env, std::move(run), std::move(result), [this, self]() { busy_ = false; self->Reset(); delete self; });
    Napi::Promise promise = step->Promise();
    step->Queue();
    return promise;
  }

  // readDocuments(paths) -> Promise<{ unsupported: string[], foldLatin: string[], foldOther: string[] }>
  Napi::Value ReadDocuments(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "readDocuments");
    auto paths = std::make_shared<std::vector<std::string>>();
    for (const auto& p : stringsOf(info[0], "paths")) paths->push_back(utf8Of(p));
    if (step_ != 0) throw Napi::Error::New(env, "readDocuments: a kernel reads its documents once");
    begin(env, "readDocuments");
    auto foldLatin = std::make_shared<std::vector<std::u16string>>();
    auto foldOther = std::make_shared<std::vector<std::u16string>>();
    auto kernel = kernel_;
    return queue(env, [kernel, paths, foldLatin, foldOther]() { kernel->readDocuments(*paths, *foldLatin, *foldOther); },
                 [this, kernel, foldLatin, foldOther](Napi::Env env) -> Napi::Value {
                   step_ = 1;
                   Napi::Array unsupported = Napi::Array::New(env, kernel->size());
                   for (size_t i = 0; i < kernel->size(); i++) unsupported.Set(static_cast<uint32_t>(i), Napi::String::New(env, kernel->document(i).unsupported));
                   Napi::Object out = Napi::Object::New(env);
                   out.Set("unsupported", unsupported);
                   out.Set("foldLatin", arrayOf(env, *foldLatin));
                   out.Set("foldOther", arrayOf(env, *foldOther));
                   return out;
                 });
  }

  // detectLanguages(latinKeys, otherKeys) -> Promise<{ languages: string[], javaScriptStems: boolean }>
  Napi::Value DetectLanguages(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "detectLanguages");
    if (step_ != 1) throw Napi::Error::New(env, "detectLanguages: read the documents first");
    auto latin = std::make_shared<std::vector<std::u16string>>(stringsOf(info[0], "latinKeys"));
    auto other = std::make_shared<std::vector<std::u16string>>(stringsOf(info[1], "otherKeys"));
    begin(env, "detectLanguages");
    auto kernel = kernel_;
    auto javaScript = std::make_shared<bool>(false);
    return queue(env, [kernel, latin, other, javaScript]() { *javaScript = kernel->detectLanguages(*latin, *other); },
                 [this, kernel, javaScript](Napi::Env env) -> Napi::Value {
                   step_ = 2;
                   Napi::Array languages = Napi::Array::New(env, kernel->size());
                   for (size_t i = 0; i < kernel->size(); i++) languages.Set(static_cast<uint32_t>(i), Napi::String::New(env, kernel->document(i).doc.language));
                   Napi::Object out = Napi::Object::New(env);
                   out.Set("languages", languages);
                   out.Set("javaScriptStems", Napi::Boolean::New(env, *javaScript));
                   return out;
                 });
  }

  // prepareForms() -> Promise<{ language, forms }[]>: the forms JavaScript stems.
  Napi::Value PrepareForms(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "prepareForms");
    if (step_ != 2) throw Napi::Error::New(env, "prepareForms: detect the languages first");
    begin(env, "prepareForms");
    auto kernel = kernel_;
    auto requests = std::make_shared<std::vector<origo::StemRequest>>();
    return queue(env, [kernel, requests]() { *requests = kernel->prepareForms(); },
                 [this, kernel, requests](Napi::Env env) -> Napi::Value {
                   step_ = 3;
                   requests_ = *requests;
                   Napi::Array list = Napi::Array::New(env, requests_.size());
                   for (size_t r = 0; r < requests_.size(); r++) {
                     Napi::Object request = Napi::Object::New(env);
                     request.Set("language", requests_[r].language);
                     request.Set("forms", arrayOf(env, kernel->requestForms(requests_[r])));
                     list.Set(static_cast<uint32_t>(r), request);
                   }
                   return list;
                 });
  }

  // setStems(stems: string[][]) -> Promise: the stems of the requests' forms, in their order.
  Napi::Value SetStems(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "setStems");
    if (step_ != 3) throw Napi::Error::New(env, "setStems: prepare the forms first");
    if (!info[0].IsArray()) throw Napi::TypeError::New(env, "stems must be an array of string arrays");
    const Napi::Array array = info[0].As<Napi::Array>();
    if (array.Length() != requests_.size()) throw Napi::TypeError::New(env, "one list of stems per request");
    auto stems = std::make_shared<std::vector<std::vector<std::u16string>>>();
    for (uint32_t r = 0; r < array.Length(); r++) {
      stems->push_back(stringsOf(array.Get(r), "stems"));
      if (stems->back().size() != requests_[r].entries.size()) throw Napi::TypeError::New(env, "one stem per form");
    }
    begin(env, "setStems");
    auto kernel = kernel_;
    auto requests = std::make_shared<std::vector<origo::StemRequest>>(requests_);
    return queue(env, [kernel, requests, stems]() { kernel->setStems(*requests, *stems); },
                 [this](Napi::Env env) -> Napi::Value {
                   step_ = 4;
                   return env.Undefined();
                 });
  }

  // align(pairs: Int32Array of [submission, source] document indices)
  //   -> Promise<{ counts: Int32Array (passages per pair), spans: Int32Array (offset, length,
  //      sourceOffset, sourceLength, kind per passage), similarity: Float64Array }>
  Napi::Value Align(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "align");
    if (step_ < 4) throw Napi::Error::New(env, "align: prepare the documents first (readDocuments, detectLanguages, prepareForms, setStems)");
    if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_int32_array) throw Napi::TypeError::New(env, "pairs must be an Int32Array");
    const Napi::Int32Array flat = info[0].As<Napi::Int32Array>();
    auto pairs = std::make_shared<std::vector<std::pair<int32_t, int32_t>>>();
    const int32_t n = static_cast<int32_t>(kernel_->size());
    for (size_t i = 0; i + 1 < flat.ElementLength(); i += 2) {
      const int32_t s = flat[i], r = flat[i + 1];
      if (s < 0 || r < 0 || s >= n || r >= n) throw Napi::RangeError::New(env, "a pair names a document the kernel does not have");
      if (!kernel_->document(s).finished || !kernel_->document(r).finished) throw Napi::RangeError::New(env, "a pair names a document the kernel could not prepare");
      pairs->emplace_back(s, r);
    }
    begin(env, "align");
    auto kernel = kernel_;
    return queue(env, [kernel, pairs]() { kernel->align(*pairs, origo::AlignParams()); },
                 [this, kernel](Napi::Env env) -> Napi::Value {
                   step_ = 5;
                   const auto& found = kernel->passages();
                   size_t total = 0;
                   for (const auto& ps : found) total += ps.size();
                   Napi::Int32Array counts = Napi::Int32Array::New(env, found.size());
                   Napi::Int32Array spans = Napi::Int32Array::New(env, 5 * total);
                   Napi::Float64Array similarity = Napi::Float64Array::New(env, total);
                   size_t k = 0;
                   for (size_t i = 0; i < found.size(); i++) {
                     counts[i] = static_cast<int32_t>(found[i].size());
                     for (const auto& p : found[i]) {
                       spans[5 * k] = p.offset;
                       spans[5 * k + 1] = p.length;
                       spans[5 * k + 2] = p.sourceOffset;
                       spans[5 * k + 3] = p.sourceLength;
                       spans[5 * k + 4] = static_cast<int32_t>(p.kind);
                       similarity[k] = p.similarity;
                       k++;
                     }
                   }
                   Napi::Object out = Napi::Object::New(env);
                   out.Set("counts", counts);
                   out.Set("spans", spans);
                   out.Set("similarity", similarity);
                   return out;
                 });
  }

  // writeDetections(files: { path, suspiciousReference, sourceReference }[]) -> Promise: the
  // PAN detection file of each pair of the last `align`, written on the kernel's threads.
  Napi::Value WriteDetections(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "writeDetections");
    if (step_ != 5) throw Napi::Error::New(env, "writeDetections: align the pairs first");
    if (!info[0].IsArray() || info[0].As<Napi::Array>().Length() != kernel_->passages().size()) throw Napi::TypeError::New(env, "files must be an array with one entry per aligned pair");
    auto files = std::make_shared<std::vector<origo::PairFile>>();
    const Napi::Array list = info[0].As<Napi::Array>();
    for (uint32_t i = 0; i < list.Length(); i++) {
      const Napi::Value v = list.Get(i);
      const char* shape = "each file is { path, suspiciousReference, sourceReference } (strings)";
      if (!v.IsObject()) throw Napi::TypeError::New(env, shape);
      const Napi::Object f = v.As<Napi::Object>();
      if (!f.Get("path").IsString() || !f.Get("suspiciousReference").IsString() || !f.Get("sourceReference").IsString()) throw Napi::TypeError::New(env, shape);
      files->push_back(origo::PairFile{f.Get("path").As<Napi::String>().Utf8Value(), f.Get("suspiciousReference").As<Napi::String>().Utf8Value(), f.Get("sourceReference").As<Napi::String>().Utf8Value()});
    }
    begin(env, "writeDetections");
    auto kernel = kernel_;
    auto error = std::make_shared<std::string>();
    return queue(env, [kernel, files, error]() { *error = kernel->writeDetections(*files); },
                 [error](Napi::Env env) -> Napi::Value {
                   if (!error->empty()) throw Napi::Error::New(env, "cannot write a detection file: " + *error);
                   return env.Undefined();
                 });
  }

  // document(i) -> the prepared columns of document i (for equivalence tests).
  Napi::Value Document(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    idle(env, "document");
    if (!info[0].IsNumber()) throw Napi::TypeError::New(env, "document(index)");
    const int64_t i = info[0].As<Napi::Number>().Int64Value();
    if (i < 0 || static_cast<size_t>(i) >= kernel_->size()) throw Napi::RangeError::New(env, "no such document");
    const origo::Document& d = kernel_->document(static_cast<size_t>(i)).doc;
    Napi::Object out = Napi::Object::New(env);
    out.Set("language", d.language);
    out.Set("wordStart", int32s(env, d.wordStart));
    out.Set("wordEnd", int32s(env, d.wordEnd));
    out.Set("keyHash", int32s(env, d.keyHash));
    out.Set("wordStem", int32s(env, d.wordStem));
    out.Set("sentenceStart", int32s(env, d.sentenceStart));
    out.Set("sentenceEnd", int32s(env, d.sentenceEnd));
    out.Set("sentenceFirstWord", int32s(env, d.sentenceFirstWord));
    out.Set("sentenceEndWord", int32s(env, d.sentenceEndWord));
    return out;
  }

  std::shared_ptr<origo::TextKernel> kernel_;
  std::vector<origo::StemRequest> requests_;
  bool busy_ = false;
  // The last step done: 1 read, 2 languages, 3 forms, 4 stems, 5 aligned (align and
  // writeDetections may follow again).
  int step_ = 0;
};

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("TextKernel", TextKernelWrap::Define(env));
  // tuneMemoryForBatch(): the same allocator settings for any short batch process (`origo compare`).
  exports.Set("tuneMemoryForBatch", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), origo::tuneMemoryForBatch());
  }));
  exports.Set("unicodeVersion", Napi::String::New(env, origo::kUnicodeVersion));
  return exports;
}

}  // namespace

NODE_API_MODULE(origo_text, Init)
