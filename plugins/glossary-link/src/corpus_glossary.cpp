#include "corpus_glossary.hpp"

#include <memory>

#include "json_text.hpp"
#include "script_fold.hpp"

namespace docpipe::glossary_link {

void CorpusGlossary::add(const Document& doc) {
  const ScriptFold& fold = ScriptFold::instance();
  std::lock_guard<std::mutex> lock(mutex_);
  for (const GlossaryEntry& e : doc.glossary.entries) {
    if (e.origin != "document") continue;
    std::u32string key = fold.fold_string(e.term);
    if (key.empty()) continue;
    CorpusTerm& t = terms_[key];
    if (t.term.empty()) t.term = e.term;
    else if (t.term != e.term) t.variants.insert(e.term);
    if (t.definition.empty()) t.definition = e.definition;
    t.documents.insert(doc.id.empty() ? doc.source : doc.id);
  }
}

void CorpusGlossary::attach() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (attached_ == 0 && run_finished_) {
    terms_.clear();
    run_finished_ = false;
  }
  ++attached_;
}

std::string CorpusGlossary::detach() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (attached_ > 0 && --attached_ == 0) run_finished_ = true;
  return json_locked();
}

std::string CorpusGlossary::json() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return json_locked();
}

std::string CorpusGlossary::json_locked() const {
  std::string out = "{\n  \"terms\": [";
  bool first = true;
  auto list = [](std::string& o, const std::set<std::string>& items) {
    o += '[';
    bool f = true;
    for (const auto& s : items) {
      if (!f) o += ", ";
      append_json_string(o, s);
      f = false;
    }
    o += ']';
  };
  for (const auto& [key, t] : terms_) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += "{\"term\": ";
    append_json_string(out, t.term);
    out += ", \"definition\": ";
    append_json_string(out, t.definition);
    out += ", \"variants\": ";
    list(out, t.variants);
    out += ", \"documents\": ";
    list(out, t.documents);
    out += '}';
  }
  out += "\n  ]\n}\n";
  return out;
}

std::size_t CorpusGlossary::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return terms_.size();
}

CorpusGlossary& CorpusGlossary::shared(const std::filesystem::path& target) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::unique_ptr<CorpusGlossary>> lists;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = lists[target];
  if (!slot) slot = std::make_unique<CorpusGlossary>();
  return *slot;
}

}  // namespace docpipe::glossary_link
