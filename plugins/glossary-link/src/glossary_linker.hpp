#pragma once
/// @file glossary_linker.hpp
/// Fills Document::glossary: parses the appendix, resolves markers, links every further mention of a
/// term (document or external glossary), and reports what does not resolve.

#include <memory>
#include <string>
#include <vector>

#include "docpipe/document.hpp"
#include "term_matcher.hpp"

namespace docpipe::glossary_link {

/// Settings of a linker.
struct LinkOptions {
  std::size_t min_term_length = 2;  ///< Shortest term or alias (folded code points) that is matched.
  /// Use the quoted core of a title (`獨角獸` of `“獨角獸”企業`) as an alias; it links only where the
  /// text quotes it too (`“坚定不移”`, not the everyday 坚定不移).
  bool quoted_aliases = true;
  bool link_terms = true;           ///< Link mentions of terms besides markers.
  std::string stage = "glossary-link";  ///< Name in diagnostics.
};

/// The quoted parts of @p title that hold at least one Han character and are not the whole title.
std::vector<std::string> quoted_cores(std::string_view title);

/// Links documents against their own glossary and an optional external one. Thread-safe after
/// construction (process() only reads the shared external automaton).
class GlossaryLinker {
 public:
  /// A linker with @p external entries (origin set by the loader; may be empty).
  explicit GlossaryLinker(std::vector<GlossaryEntry> external = {}, LinkOptions options = {});

  /// Fills @p doc.glossary and adds diagnostics. Replaces a glossary layer filled before.
  void process(Document& doc) const;

  /// The external entries.
  const std::vector<GlossaryEntry>& external() const noexcept { return external_; }

 private:
  std::vector<GlossaryEntry> external_;
  LinkOptions options_;
  TermMatcher external_matcher_;
  std::vector<int> external_key_entry_;  // key -> index into external_, -1 when ambiguous
};

}  // namespace docpipe::glossary_link
