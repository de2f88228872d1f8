#pragma once
/// @file name_lexicon.hpp
/// Words that contain numerals but are not quantities: names (`二十大`, `十四五`, `长三角`,
/// `一带一路`) and ordinary words (`一般`, `统一`, `进一步`, `千方百计`).

#include <cstddef>
#include <optional>

#include "folded_text.hpp"

namespace number_extract {

/// A lexicon word found around a numeral.
struct LexiconHit {
  std::size_t begin = 0;  ///< First code point of the word.
  std::size_t end = 0;    ///< One past its last code point.
  bool name = false;      ///< True for a name (reported as a `name` mention); false for a plain word.
};

/// Returns the lexicon word that covers code point @p i (a numeral character), if any.
std::optional<LexiconHit> lexicon_word_at(const FoldedText& t, std::size_t i);

}  // namespace number_extract
