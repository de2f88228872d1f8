#include <catch2/catch.hpp>

#include "value_format.hpp"

using namespace docpipe::html_export;

TEST_CASE("values are written in full with grouped digits") {
  CHECK(format_value(34170000000.0) == "34,170,000,000");
  CHECK(format_value(5.5) == "5.5");
  CHECK(format_value(-1234.25) == "-1,234.25");
  CHECK(format_value(0.1) == "0.1");
  CHECK(format_value(999) == "999");
  CHECK(plain_value(34170000000.0) == "34170000000");
}

TEST_CASE("figures carry qualifier, range and unit") {
  CHECK(format_figure(5, std::nullopt, "%", "about") == "≈ 5%");
  CHECK(format_figure(4.5, 5.0, "%", "range") == "4.5–5%");
  CHECK(format_figure(6, std::nullopt, "%", "at_least") == "≥ 6%");
  CHECK(format_figure(1e9, std::nullopt, "CNY", "") == "1,000,000,000 CNY");
  CHECK(format_figure(3, std::nullopt, "pp", "at_most") == "≤ 3 pp");
}

TEST_CASE("large values are also read in Chinese scale words") {
  CHECK(chinese_scale(34170000000.0) == "341.7 亿");
  CHECK(chinese_scale(536500) == "53.65 万");
  CHECK(chinese_scale(9999).empty());
  CHECK(chinese_scale(-2e8) == "-2 亿");
}

TEST_CASE("table figures use 万 and 亿 from ten thousand on") {
  CHECK(compact_figure(34170000000.0, std::nullopt, "CNY", "about") == "≈ 341.7 亿 CNY");
  CHECK(compact_figure(12540000, std::nullopt, "USD", "") == "1,254 万 USD");
  CHECK(compact_figure(1e8, 1.5e8, "CNY", "range") == "1–1.5 亿 CNY");
  CHECK(compact_figure(6.4, std::nullopt, "%", "") == "6.4%");
}
