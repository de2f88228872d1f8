#pragma once
/// @file sentences.hpp
/// Splitting a paragraph into sentences at `。！？；` and their ASCII folds, keeping quotations
/// and bracketed asides whole.

#include <string_view>
#include <vector>

#include "docpipe/span.hpp"

namespace section_split {

/// Appends the sentences of @p paragraph (a span of @p text) to @p out, in order, each trimmed of
/// blanks. A sentence mark inside a quotation or brackets ends the sentence only when the quotation
/// closes right after it (`……。”`); a quotation or bracket left open for more than 300 code points is
/// taken for damage and no longer holds the sentence together.
void split_sentences(std::string_view text, docpipe::Span paragraph, std::vector<docpipe::Span>& out);

}  // namespace section_split
