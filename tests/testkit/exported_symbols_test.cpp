// Tests of the exported-symbol check, on a clean plugin and one that leaks a helper.
#include <algorithm>

#include <catch2/catch.hpp>

#include "docpipe/testkit/exported_symbols.hpp"

using namespace docpipe::testkit;

TEST_CASE("a plugin built with docpipe_add_plugin exports its two entry points and nothing of its own") {
  const auto file = std::filesystem::path(DOCPIPE_TEST_PLUGIN_DIR) / "test-good.so";
  const auto all = exported_symbols(file);
  CHECK(std::count(all.begin(), all.end(), "docpipe_plugin_abi") == 1);
  CHECK(std::count(all.begin(), all.end(), "docpipe_plugin_factory") == 1);
  CHECK(unexpected_exports(file).empty());
}

TEST_CASE("a symbol exported on purpose is found and named") {
  const auto leaks = unexpected_exports(std::filesystem::path(TESTKIT_PLUGIN_DIR) / "kit-leaks-symbols.so");
  REQUIRE(leaks.size() == 1);
  CHECK(leaks[0] == "kit_leaked_helper");
}

TEST_CASE("C++ names are demangled and plain names kept") {
  CHECK(demangle("_ZN7docpipe4SpanC1Ev") == "docpipe::Span::Span()");
  CHECK(demangle("docpipe_plugin_abi") == "docpipe_plugin_abi");
}

TEST_CASE("a file nm cannot read is an error, not an empty list") {
  CHECK_THROWS(exported_symbols("/nonexistent/plugin.so"));
}
