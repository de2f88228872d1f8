#pragma once
/// @file testkit/conformance_catch.hpp
/// The conformance check as one Catch2 assertion per check, with the check's finding as the message.
/// @code
///   TEST_CASE("keyword-tag keeps the plugin contract") {
///     docpipe::testkit::require_conformance(KEYWORD_TAG_PLUGIN_FILE);
///   }
/// @endcode

#include <catch2/catch.hpp>

#include "docpipe/testkit/conformance.hpp"

namespace docpipe::testkit {

/// Runs check_conformance() on @p file and records one CHECK per check; returns the report.
inline ConformanceReport require_conformance(const std::filesystem::path& file, const ConformanceOptions& options = {}) {
  ConformanceReport report = check_conformance(file, options);
  INFO(report.summary());
  REQUIRE_FALSE(report.checks.empty());
  for (const ConformanceCheck& c : report.checks) {
    INFO(c.name << ": " << c.detail);
    CHECK(c.passed);
  }
  return report;
}

}  // namespace docpipe::testkit
