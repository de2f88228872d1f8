#pragma once
/// @file indicator_extractor.hpp
/// Reads indicator facts (name, measure, value, qualifier) off the number mentions of a sentence.

#include <string>
#include <vector>

#include <docpipe/indicator.hpp>

#include "folded_text.hpp"
#include "indicator_table.hpp"
#include "number_scanner.hpp"
#include "report_context.hpp"

namespace number_extract {

/// The indicator facts of the sentence [@p begin, @p end) (code points of @p t), whose mentions are
/// @p numbers (in text order). Each clause (split at ，；：) is read as `name verb figure`:
/// lists of names and figures (`城镇、农村居民人均可支配收入分别增长6%、8%`) pair up, a qualifier
/// written once after a list applies to all of it, and a clause without a name continues the
/// previous one (`完成341.7亿元，增长6.4%`). Status and period come from @p context; `section` and
/// `sentence` are left for the caller. The facts are appended to @p out, so a document's facts are
/// built in place instead of moved there from a vector per sentence.
void extract_indicators(const FoldedText& t, std::size_t begin, std::size_t end,
                        const std::vector<const ScannedNumber*>& numbers, const IndicatorTable& table,
                        const SentenceContext& context, std::vector<docpipe::Indicator>& out);

/// The same, returning the sentence's facts.
inline std::vector<docpipe::Indicator> extract_indicators(const FoldedText& t, std::size_t begin, std::size_t end,
                                                          const std::vector<const ScannedNumber*>& numbers,
                                                          const IndicatorTable& table, const SentenceContext& context) {
  std::vector<docpipe::Indicator> out;
  extract_indicators(t, begin, end, numbers, table, context, out);
  return out;
}

}  // namespace number_extract
