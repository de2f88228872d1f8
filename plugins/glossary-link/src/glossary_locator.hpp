#pragma once
/// @file glossary_locator.hpp
/// Finds the glossary appendix (名词解释, 名詞解釋, 名词解释和说明, 注释): from the section tree when a
/// splitter found it, otherwise from a heading of its own.

#include <optional>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"
#include "term_matcher.hpp"

namespace docpipe::glossary_link {

/// Where the glossary is.
struct GlossaryRegion {
  Span heading;  ///< The heading (empty when only the section tree told us).
  Span body;     ///< Where the entries are: from after the heading to the end of the appendix.
};

/// The keywords a glossary heading contains, in both scripts.
const std::vector<std::string_view>& glossary_keywords();

/// Every occurrence of a glossary keyword in @p text, folded as TermMatcher folds (either script,
/// quotes and blanks inside skipped), in the order TermMatcher::find() with `all_keys` gives: by end,
/// longest first. Key ids are those a TermMatcher fed glossary_keywords() in order would give.
std::vector<TermMatch> find_glossary_keywords(std::string_view text);

/// The glossary of @p doc: a section of kind `glossary` (or an `appendix` whose title holds a
/// keyword) when the section tree has one, otherwise the last heading-like keyword that is followed
/// by an entry.
std::optional<GlossaryRegion> locate_glossary(const Document& doc);

/// The heading detection alone, over @p text.
std::optional<GlossaryRegion> find_glossary_heading(std::string_view text);

}  // namespace docpipe::glossary_link
