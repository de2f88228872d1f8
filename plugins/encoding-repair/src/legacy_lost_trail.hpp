#pragma once
// GBK or Big5 bytes in which a character's trail byte became `?` (a tool that wrote `?` for a byte
// it could not carry). `?` (0x3F) is no trail byte of either, so the decoder writes U+FFFD for the
// lead byte and keeps the `?`: the lead is known, the trail is one of some 190 bytes, and the
// character model chooses from the characters on both sides. The lost-lead-byte search leaves such
// a U+FFFD alone (its byte is known and is a lead).

#include <cstddef>
#include <string>
#include <vector>

#include "char_model.hpp"
#include "docpipe/document.hpp"

namespace encoding_repair {

/// One character read back from its lead byte.
struct LostTrailFix {
  std::size_t begin = 0;   ///< Text span replaced: the decoder's U+FFFD for the lead and the `?`.
  std::size_t end = 0;
  std::string after;       ///< The character.
  double confidence = 0;   ///< Share of the best character among all the lead byte's characters (0..1).
  std::string note;        ///< The bytes, as read.
};

/// The characters of @p doc (decoded as GB18030 or Big5) whose lead byte the decoder rejected
/// because a `?` followed it (a `decode-error` repair of one byte that still stands, then `?` in
/// both the input and the text), each read as the character of that lead byte and the trail byte
/// the model finds most probable in context. In text order.
std::vector<LostTrailFix> find_legacy_lost_trail_fixes(const docpipe::Document& doc, const CharModel& model);

/// True when @p rejected, a repair of @p doc, is the decoder's U+FFFD for such a lead byte before a `?`.
bool is_lead_before_lost_trail(const docpipe::Document& doc, const docpipe::Repair& rejected) noexcept;

}  // namespace encoding_repair
