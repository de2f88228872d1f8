#pragma once
// Adds one generic annotation per keyword occurrence to a document: the open layer that every
// exporter carries without knowing the plugin.

#include <string>

#include "docpipe/document.hpp"
#include "keyword_matcher.hpp"

namespace keyword_tag {

/// What the tagger writes.
struct TaggerOptions {
  std::string type = "keyword";       ///< Annotation type.
  std::string producer = "keyword-tag";  ///< Annotation producer and diagnostic stage.
  MatchMode mode = MatchMode::longest;   ///< Overlap policy.
};

/// Appends an annotation {type, attributes keyword=<as configured> and matched=<as written>} for
/// every match of @p matcher in @p doc.text, keeping Document::annotations in text order. Reports
/// `keyword-tag-no-text` (warning) for a document without text (nothing decoded it) and
/// `keyword-tag-none-found` (info) when no keyword occurs. Returns the number of annotations added.
std::size_t tag_keywords(docpipe::Document& doc, const KeywordMatcher& matcher, const TaggerOptions& options);

}  // namespace keyword_tag
