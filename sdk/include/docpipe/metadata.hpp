#pragma once
/// @file metadata.hpp
/// What a document says about itself in its title block.

#include <map>
#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// The document's metadata, read off its title block or front matter. Empty strings and 0 mean
/// "not known".
struct Metadata {
  std::string title;    ///< The title as written, e.g. `2024年邯鄲市叢臺區政府工作報告`.
  std::string date;     ///< Delivery date in ISO 8601 (`2024-01-24`), or empty.
  std::string meeting;  ///< The meeting it was delivered at, line breaks inside it joined.
  std::string region;   ///< The issuing body or region (`邯鄲市叢臺區`), or empty.
  int year = 0;         ///< The report's year, or 0.
  Span title_span;      ///< Where the title stands in the text (empty when not found there).
  /// Further key/value pairs, e.g. fields of a front matter block, by their own names.
  std::map<std::string, std::string> extra;
};

}  // namespace docpipe
