// Tests of the conformance check itself: a well-behaved plugin passes every check, and each flawed
// plugin fails exactly the check for its flaw (with a message that names it) and passes the others.
#include <catch2/catch.hpp>

#include "docpipe/testkit/conformance.hpp"

using namespace docpipe::testkit;

namespace {

const std::filesystem::path kit_plugins = TESTKIT_PLUGIN_DIR;

const ConformanceCheck* find_check(const ConformanceReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.name == name) return &c;
  return nullptr;
}

// Asserts that only @p failing failed, and that its detail contains @p why.
void expect_only_failure(const ConformanceReport& report, const std::string& failing, const std::string& why) {
  INFO(report.summary());
  CHECK_FALSE(report.ok());
  const ConformanceCheck* c = find_check(report, failing);
  REQUIRE(c != nullptr);
  CHECK_FALSE(c->passed);
  CHECK_THAT(c->detail, Catch::Contains(why));
  for (const auto& other : report.checks)
    if (other.name != failing) CHECK(other.passed);
  CHECK(report.problems().size() == 1);
}

}  // namespace

TEST_CASE("a well-behaved plugin passes every check, isolated or not") {
  for (bool isolate : {true, false}) {
    ConformanceOptions options;
    options.isolate = isolate;
    const ConformanceReport report = check_conformance(std::filesystem::path(DOCPIPE_TEST_PLUGIN_DIR) / "test-good.so", options);
    INFO(report.summary());
    CHECK(report.ok());
    std::vector<std::string> names;
    for (const auto& c : report.checks) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"loads", "descriptor", "parameters", "starts", "sample", "hostile-input",
                                            "two-instances", "exports"});
  }
}

TEST_CASE("a crash is reported with its signal and the input that caused it") {
  expect_only_failure(check_conformance(kit_plugins / "kit-crashes.so"), "hostile-input",
                      "killed by SIGSEGV during 'hostile-input: an empty document'");
}

TEST_CASE("a crash ends the checks after it but is never mistaken for a pass") {
  const ConformanceReport report = check_conformance(kit_plugins / "kit-crashes.so");
  CHECK(find_check(report, "two-instances") == nullptr);  // never ran: the child was dead
  CHECK_FALSE(report.ok());
}

TEST_CASE("an exported helper fails the exports check") {
  expect_only_failure(check_conformance(kit_plugins / "kit-leaks-symbols.so"), "exports", "kit_leaked_helper");
}

TEST_CASE("state carried between documents fails the two-instances check") {
  expect_only_failure(check_conformance(kit_plugins / "kit-stateful.so"), "two-instances", "second run");
}

TEST_CASE("spans past the text and anonymous diagnostics fail the sample check") {
  const ConformanceReport report = check_conformance(kit_plugins / "kit-bad-spans.so");
  expect_only_failure(report, "sample", "annotations[0].span");
  CHECK_THAT(find_check(report, "sample")->detail, Catch::Contains("diagnostics[0] 'kit-anonymous'"));
}

TEST_CASE("an incomplete descriptor and a declared value the stage refuses fail their checks") {
  const ConformanceReport report = check_conformance(kit_plugins / "kit-sloppy-descriptor.so");
  INFO(report.summary());
  const ConformanceCheck* descriptor = find_check(report, "descriptor");
  REQUIRE(descriptor);
  CHECK_FALSE(descriptor->passed);
  CHECK_THAT(descriptor->detail, Catch::Contains("version 'v1'") && Catch::Contains("empty author") &&
                                     Catch::Contains("empty license"));
  const ConformanceCheck* params = find_check(report, "parameters");
  REQUIRE(params);
  CHECK_FALSE(params->passed);
  CHECK_THAT(params->detail, Catch::Contains("'mode' = 'b' does not work") && Catch::Contains("mode b is not implemented"));
  CHECK(report.problems().size() == 2);
}

TEST_CASE("a library the loader refuses fails 'loads' and nothing else runs") {
  const ConformanceReport report = check_conformance(std::filesystem::path(DOCPIPE_TEST_PLUGIN_DIR) / "test-wrong-tag.so");
  REQUIRE(report.checks.size() == 2);  // loads, then the symbol check that needs no loading
  CHECK(report.checks[0].name == "loads");
  CHECK_FALSE(report.checks[0].passed);
  CHECK_THAT(report.checks[0].detail, Catch::Contains("build tag"));
}

TEST_CASE("an empty report is not a pass") {
  CHECK_FALSE(ConformanceReport{}.ok());
}
