#pragma once
/// @file document_marks.hpp
/// The inline marks of a document page: what is highlighted, underlined or flagged, and the popup
/// text each mark carries.

#include <vector>

#include "docpipe/document.hpp"
#include "inline_marks.hpp"

namespace docpipe::html_export {

/// Which repairs are marked in the text.
enum class RepairMarks {
  all,          ///< Every repair (deletions as thin markers).
  significant,  ///< Every repair except those of kind `whitespace`, which are many and say little.
  none          ///< No repair.
};

/// Which layers become marks.
struct MarkOptions {
  RepairMarks repairs = RepairMarks::significant;  ///< Which repairs to mark.
  std::size_t tip_chars = 160;  ///< Longest before/after text quoted in a repair's popup.
};

/// Nesting ranks, outermost first, for marks that cover the same text.
enum MarkRank : int {
  glossary_rank = 0,
  indicator_rank = 1,
  number_rank = 2,
  unresolved_rank = 3,
  repair_rank = 4,
  annotation_rank = 5
};

/// The marks of @p doc's glossary links (`data-g` = entry index), indicators (`id="ind-N"`), numbers
/// (`data-tip` = value and unit), unresolved glossary markers (`id="u-N"`) and repairs (`data-tip` =
/// before and after) and annotations of the open layer (`data-tip` = type and attributes), in no
/// particular order (MarkedText sorts them). Spans that do not fit the text, or that cut a UTF-8
/// sequence, and links to entries that do not exist are left out.
std::vector<Mark> document_marks(const Document& doc, const MarkOptions& options = {});

/// The popup text of a number mention: its normalized value and unit, the Chinese scale reading
/// and its kind, e.g. `34,170,000,000 CNY（341.7 亿）· money`.
std::string number_tip(const NumberMention& n);

/// The popup text of an annotation: `type · key=value · ... · producer`.
std::string annotation_tip(const Annotation& a, std::size_t tip_chars);

/// The popup text of a repair: `「before」→「after」· kind · confidence`.
std::string repair_tip(const Repair& r, std::size_t tip_chars);

/// True when @p span lies inside @p text and on code point boundaries.
bool span_fits(std::string_view text, const Span& span);

/// @p text reduced to a safe CSS class suffix (lowercase ASCII letters, digits and `-`).
std::string class_token(std::string_view text);

}  // namespace docpipe::html_export
