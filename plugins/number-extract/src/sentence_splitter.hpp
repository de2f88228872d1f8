#pragma once
/// @file sentence_splitter.hpp
/// A plain sentence splitter for when no `section-split` stage ran before this one.

#include <string_view>
#include <vector>

#include <docpipe/span.hpp>

namespace number_extract {

/// Splits @p text into sentences at 。！？!? and at line breaks; spans exclude surrounding spaces
/// and never are empty.
std::vector<docpipe::Span> split_sentences(std::string_view text);

}  // namespace number_extract
