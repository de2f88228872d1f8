#pragma once
// Where lost-lead-byte damage can start, found without the character model: the lost-byte search
// costs milliseconds per `?` or U+FFFD, so the stage first counts the triggers that can start a
// run at all, and does not search text whose triggers are too dense to be damage.

#include <cstddef>
#include <string_view>

#include "double_byte_table.hpp"

namespace encoding_repair {

/// True when the `?` or U+FFFD at byte @p trigger of @p text (valid UTF-8) can start a damaged run:
/// what follows it is something an out-of-step GBK decoder writes (a character with a GBK code or a
/// private-use character a user-defined pair became, folded punctuation, an ASCII byte from 0x40 to
/// 0x7E that ends a run, the euro sign, after `?` a U+FFFD for a rejected lead byte and the ASCII
/// byte below 0x40 the decoder kept after it). A trigger
/// before a line break, a space, a digit, other ASCII below 0x40, the end of the text or a
/// character GBK cannot encode never starts one (the search would stop before its first step).
/// @p legacy: the encoding the text would have been read out of step in.
bool may_start_damage(std::string_view text, std::size_t trigger, Legacy legacy = Legacy::gbk) noexcept;

/// Number of `?` and U+FFFD in @p text (valid UTF-8) that may start a damaged run; the number of all
/// its U+FFFD goes to @p replacements when given (the same scan).
std::size_t count_damage_starts(std::string_view text, std::size_t* replacements = nullptr, Legacy legacy = Legacy::gbk) noexcept;

/// The most damage starts the stage searches in a text of @p text_bytes bytes: lost lead bytes
/// are rare (a handful per report); a text with more is in a wrong or broken encoding, whose
/// U+FFFD every few bytes would each cost a search.
std::size_t damage_search_budget(std::size_t text_bytes) noexcept;

}  // namespace encoding_repair
