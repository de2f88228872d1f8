#pragma once
// Optional step: full-width punctuation restored where scraping folded it to ASCII between Chinese
// characters (`发展,改革` -> `发展，改革`).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace encoding_repair {

/// One restored punctuation mark: text bytes [begin, end) become `after`.
struct PunctuationEdit {
  std::size_t begin = 0;  ///< Offset of the ASCII mark.
  std::size_t end = 0;    ///< One past it.
  std::string after;      ///< The full-width mark.
};

/// True for a character of Chinese prose: Han ideographs and CJK punctuation.
bool is_cjk(char32_t c) noexcept;

/// The edits that turn `, : ; ! ? ( )` back into full width when they stand in Chinese prose: the
/// character before (or for `(` the one after) is Chinese and the mark is not part of a number or
/// of Latin text.
std::vector<PunctuationEdit> find_fullwidth_restorations(std::string_view text);

}  // namespace encoding_repair
