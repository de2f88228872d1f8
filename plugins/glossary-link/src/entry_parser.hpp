#pragma once
/// @file entry_parser.hpp
/// Parses the entries of a glossary appendix: numbered (`1.term:definition`, `（1）`, `[1]`) or one
/// `term：definition` paragraph per entry.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/span.hpp"
#include "enumerator.hpp"

namespace docpipe::glossary_link {

/// One parsed entry.
struct ParsedEntry {
  int number = 0;          ///< Its number, 0 when the glossary does not number its entries.
  std::string term;        ///< The term, enclosing quotes and markdown removed.
  Span term_span;          ///< The term in the text (without enclosing quotes).
  Span title_span;         ///< The title as written, enclosing quotes included.
  std::string definition;  ///< The definition, lines joined, HTML tag leftovers removed.
  Span span;               ///< From the number (or term) to the end of the definition.
};

/// The entries of a glossary and where they end.
struct ParsedGlossary {
  std::vector<ParsedEntry> entries;  ///< In text order.
  std::size_t end = 0;               ///< End of the last entry (trailing page furniture excluded).
  bool numbered = false;             ///< True when entries carry numbers.
};

/// Finds the `:`/`：` that ends a term starting at byte @p pos: at most @p max_chars code points
/// away, on the same line, with no sentence punctuation before it. Returns its byte offset.
std::optional<std::size_t> find_term_colon(std::string_view text, std::size_t pos, std::size_t limit,
                                           std::size_t max_chars = 80);

/// Parses the entries in [@p body.begin, @p body.end) of @p text. @p mentions is the report text
/// the glossary explains (before its heading); it is used only when an unnumbered glossary lost its
/// line breaks: a `term：` after a sentence end then starts an entry only if the report mentions the
/// term, since nothing else tells it from a `其中：` inside a definition.
ParsedGlossary parse_entries(std::string_view text, Span body, Span mentions = {});

/// The definition text of [@p begin, @p end): lines joined (a space only between two Latin letters or
/// digits), HTML tags and tag remnants such as `/font>` removed, trimmed.
std::string clean_definition(std::string_view text);

}  // namespace docpipe::glossary_link
