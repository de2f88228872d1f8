#pragma once
/// @file glossary.hpp
/// The glossary (名词解释) and the links from the text to it.

#include <string>
#include <vector>

#include "docpipe/span.hpp"

namespace docpipe {

/// One glossary entry.
struct GlossaryEntry {
  int number = 0;            ///< The entry's number in the appendix (0 for an external entry).
  std::string term;          ///< The term as the glossary writes it, quotes removed.
  std::string definition;    ///< The definition text.
  std::vector<std::string> aliases;  ///< Other spellings that link to this entry.
  Span span;                 ///< The whole entry in the text (empty for an external entry).
  Span term_span;            ///< The term in the text (empty for an external entry).
  std::string origin = "document";  ///< `document`, or the external glossary file it came from.
};

/// One link from the text to an entry.
struct GlossaryLink {
  Span span;                 ///< The linked text: a marker `(6)` or a mention of the term.
  int entry = -1;            ///< Index into Glossary::entries.
  std::string kind;          ///< `marker` or `term`.
};

/// An in-text marker whose number no entry has.
struct UnresolvedMarker {
  std::string marker;        ///< The marker as written, `(14)`.
  int number = 0;            ///< The number it refers to.
  Span span;                 ///< Where it stands.
};

/// The glossary layer.
struct Glossary {
  std::vector<GlossaryEntry> entries;      ///< In appendix order.
  std::vector<GlossaryLink> links;         ///< In text order.
  std::vector<UnresolvedMarker> unresolved;  ///< In text order.
};

}  // namespace docpipe
