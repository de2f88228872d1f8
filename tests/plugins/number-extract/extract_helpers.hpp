#pragma once
// Shared by the scanner and indicator tests: run the plugin's pieces on one made-up sentence.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folded_text.hpp"
#include "indicator_extractor.hpp"
#include "number_scanner.hpp"

namespace number_extract_test {

/// The mentions the scanner finds in @p text; every span must be the mention's own text and hold its
/// numeral.
inline std::vector<docpipe::NumberMention> scan(const std::string& text) {
  number_extract::FoldedText t(text);
  std::vector<docpipe::NumberMention> out;
  for (auto& s : number_extract::scan_numbers(t)) {
    REQUIRE(s.mention->span.of(text) == s.mention->text);
    REQUIRE(s.mention->span.contains(s.numeral));
    out.push_back(*s.mention);
  }
  return out;
}

/// The single mention of @p text.
inline docpipe::NumberMention one(const std::string& text) {
  auto m = scan(text);
  INFO(text);
  REQUIRE(m.size() == 1);
  return m[0];
}

/// The indicator facts of @p sentence read with the built-in table in context @p ctx; every fact must
/// have a non-empty span.
inline std::vector<docpipe::Indicator> facts(const std::string& sentence,
                                             number_extract::SentenceContext ctx = {"target", 2024}) {
  number_extract::FoldedText t(sentence);
  auto numbers = number_extract::scan_numbers(t);
  std::vector<const number_extract::ScannedNumber*> ptrs;
  for (auto& n : numbers) ptrs.push_back(&n);
  auto out = number_extract::extract_indicators(t, 0, t.size(), ptrs, number_extract::IndicatorTable::builtin(), ctx);
  for (auto& i : out) REQUIRE(!i.span.of(sentence).empty());
  return out;
}

}  // namespace number_extract_test
