#pragma once
/// @file report_context.hpp
/// What a sentence's surroundings say about its figures: whether they are targets, results or
/// estimates, and for which year.

#include <string>
#include <string_view>
#include <vector>

#include <docpipe/document.hpp>

#include "folded_text.hpp"
#include "number_scanner.hpp"

namespace number_extract {

/// Status and period of the figures of one sentence.
struct SentenceContext {
  std::string status;  ///< `target`, `actual`, `estimate` or empty.
  int period = 0;      ///< The year, or 0.
};

/// The report's own year: Metadata::year when set, otherwise the first year mentioned in the first
/// 400 bytes of the text (the title line or front matter), otherwise 0.
int report_year(const docpipe::Document& doc, const std::vector<ScannedNumber>& numbers);

/// Status from the words of one sentence alone: 预计 -> estimate, 目标 / 力争 / 预期 ... -> target,
/// 完成 / 实现 / 全年 / 去年 ... -> actual; empty when the sentence says nothing.
std::string status_from_words(std::u32string_view sentence);

/// Status from a section heading: a year before the report's (`2023年工作回顾`) or 回顾 / 过去 ->
/// actual; the report's year, 安排 / 目标 / 任务 -> target; empty otherwise.
std::string status_from_heading(std::u32string_view heading, int report_year);

/// The context of the sentence [@p begin, @p end) (code points of @p t): its own words first, then
/// the heading of @p section_heading (folded, may be empty); the period is a year mentioned in the
/// sentence before its first figure, else the report year for targets and the year before for
/// results and estimates.
SentenceContext sentence_context(const FoldedText& t, std::size_t begin, std::size_t end,
                                 std::u32string_view section_heading, int report_year,
                                 const std::vector<const ScannedNumber*>& sentence_numbers);

/// The same with the heading already read: @p heading_status is status_from_heading(section_heading,
/// report_year), which a caller reading many sentences under one heading computes once.
SentenceContext sentence_context_under(const FoldedText& t, std::size_t begin, std::size_t end,
                                       std::string_view heading_status, int report_year,
                                       const std::vector<const ScannedNumber*>& sentence_numbers);

}  // namespace number_extract
