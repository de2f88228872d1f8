#pragma once
// Scoring a candidate reading where it would stand: the passes that choose among readings of a few
// characters compare them with the same two characters of the text on each side.

#include <cstddef>
#include <string_view>

#include "char_model.hpp"

namespace encoding_repair {

/// Where the code point @p count code points before @p at in @p text (UTF-8) starts (0 at most).
std::size_t code_points_back(std::string_view text, std::size_t at, int count) noexcept;

/// Where the code point @p count code points after @p at in @p text ends (text.size() at most).
std::size_t code_points_forward(std::string_view text, std::size_t at, int count) noexcept;

/// Trigram log10 probability of @p middle standing in place of [@p begin, @p end) of @p text, with
/// the two code points before and after it (fewer at the text's edges).
double score_in_context(const CharModel& model, std::string_view text, std::size_t begin, std::size_t end,
                        std::string_view middle);

}  // namespace encoding_repair
