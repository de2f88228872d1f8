#pragma once
/// @file corpus_glossary.hpp
/// Corpus mode: the glossaries of all documents of a run merged into one term list, with the
/// documents each term came from.

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::glossary_link {

/// One merged term.
struct CorpusTerm {
  std::string term;                      ///< The spelling seen first.
  std::string definition;                ///< The first non-empty definition seen.
  std::set<std::string> variants;        ///< Every other spelling (other script, other quotes).
  std::set<std::string> documents;       ///< Ids of the documents whose glossary has it.
};

/// A merged term list. Terms that are equal after folding (script, width, quotes) are one term.
/// Thread-safe: add() and json() may be called from any thread.
class CorpusGlossary {
 public:
  /// Adds the document-origin entries of @p doc's glossary under @p doc.id.
  void add(const Document& doc);
  /// The merged list as JSON (`{"terms": [{"term", "definition", "variants", "documents"}]}`), terms
  /// in folded order, so the output does not depend on the order documents finished in.
  std::string json() const;
  /// Number of merged terms.
  std::size_t size() const;

  /// Registers a stage instance of a run. The first instance of a new run (after every instance of
  /// the previous run on this list has finished) starts from an empty list, so a process that runs
  /// twice does not carry terms over.
  void attach();
  /// Unregisters an instance at the end of its run; returns the list as JSON for it to write.
  std::string detach();

  /// The process-wide list for output file @p target: every stage instance of a run that writes the
  /// same file shares it (instances are per worker thread).
  static CorpusGlossary& shared(const std::filesystem::path& target);

 private:
  std::string json_locked() const;
  int attached_ = 0;
  bool run_finished_ = false;
  mutable std::mutex mutex_;
  std::map<std::u32string, CorpusTerm> terms_;
};

}  // namespace docpipe::glossary_link
