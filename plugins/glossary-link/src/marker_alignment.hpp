#pragma once
/// @file marker_alignment.hpp
/// Which text around a marker spells its entry's title: `“雙減”(6)` spells all of `雙減`,
/// `“獨角獸”(13)` the start of `“獨角獸”企業`, `全省“100+10”(1)優質產業項目庫` the title around the
/// marker, `“六大產業生態圈20條產業鏈”(9)` the end of `邯鄲市“六大產業生態圈20條產業鏈”`.

#include <optional>
#include <string>
#include <string_view>

#include "docpipe/span.hpp"
#include "script_fold.hpp"

namespace docpipe::glossary_link {

/// The text that spells (part of) the title: the part before the marker and, when the title goes on
/// past the marker, the part after it (empty otherwise).
struct MarkerAlignment {
  Span before;                  ///< Ends where the marker (and a blank before it) begins.
  Span after;                   ///< Starts where the marker ends; may be empty.
  std::size_t matched = 0;      ///< Folded code points of the title matched in all.
};

/// Aligns the folded @p title with the text around @p marker, within [@p limit.begin, @p limit.end)
/// and without crossing a line or sentence end. The part before the marker must match at least two
/// code points (or the whole title); nullopt when it does not.
std::optional<MarkerAlignment> align_marker(std::string_view text, Span marker, std::u32string_view title,
                                            Span limit, const ScriptFold& fold = ScriptFold::instance());

}  // namespace docpipe::glossary_link
