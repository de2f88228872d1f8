#include <catch2/catch.hpp>

#include "pipeline_config.hpp"
#include "plugin_catalog.hpp"
#include "test_support.hpp"

using namespace docpipe;
using namespace docpipe::engine;
using Catch::Matchers::Contains;

namespace {

PluginCatalog test_catalog() {
  PluginSearchPath path;
  path.prepend({DOCPIPE_TEST_PLUGIN_DIR});
  return PluginCatalog(path);
}

// Parses and validates @p xml; returns the error text ("" when valid).
std::string config_error(const std::string& xml) {
  try {
    validate_config(parse_config_text(xml, "/cfg/pipeline.xml"), test_catalog());
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a valid config resolves plugins and fills defaults") {
  const std::string xml = R"(<pipeline name="p">
  <stage plugin="test-good"><param name="limit">5</param></stage>
  <stage plugin="test-second"/>
</pipeline>)";
  ResolvedPipeline p = validate_config(parse_config_text(xml, "/cfg/p.xml"), test_catalog());
  CHECK(p.config.name == "p");
  REQUIRE(p.stages.size() == 2);
  CHECK(p.stages[0].params.get("limit") == "5");
  CHECK(p.stages[0].params.get("word") == "報告");  // default filled in
  CHECK(p.stages[0].params.get("mode") == "fast");
  CHECK(p.config.stages[1].where.line == 3);
}

TEST_CASE("malformed XML names the line") {
  CHECK_THAT(config_error("<pipeline name=\"p\">\n  <stage plugin=\"test-good\">\n</pipeline>"),
             Contains("/cfg/pipeline.xml:3:"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n  <stage plugin=\"test-good\">\n</pipeline>"), Contains("malformed XML"));
  CHECK_THAT(config_error(""), Contains("malformed XML"));
}

TEST_CASE("the root must be a named pipeline") {
  CHECK_THAT(config_error("<pipe/>"), Contains("pipeline.xml:1:1: the root element must be <pipeline>"));
  CHECK_THAT(config_error("<pipeline>\n<stage plugin=\"test-good\"/></pipeline>"), Contains(":1:1: <pipeline> needs a name"));
}

TEST_CASE("unknown elements and attributes are named with their line") {
  CHECK_THAT(config_error("<pipeline name=\"p\">\n\n  <stag plugin=\"test-good\"/>\n</pipeline>"),
             Contains("pipeline.xml:3:3: unknown element <stag> in <pipeline>"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n  <stage plugin=\"test-good\" speed=\"9\"/>\n</pipeline>"),
             Contains(":2:3: unknown attribute 'speed' on <stage>"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n  <stage plugin=\"test-good\">\n    <option/>\n  </stage>\n</pipeline>"),
             Contains(":3:5: unknown element <option> in <stage>"));
}

TEST_CASE("a stage without a plugin, and an empty pipeline, are errors") {
  CHECK_THAT(config_error("<pipeline name=\"p\">\n  <stage/>\n</pipeline>"), Contains(":2:3: <stage> needs a plugin attribute"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n</pipeline>"), Contains("the pipeline has no <stage>"));
}

TEST_CASE("an unknown plugin lists the known ones") {
  const std::string e = config_error("<pipeline name=\"p\">\n  <stage plugin=\"test-good\"/>\n  <stage plugin=\"sectoin-split\"/>\n</pipeline>");
  CHECK_THAT(e, Contains("pipeline.xml:3:3: unknown plugin 'sectoin-split'"));
  CHECK_THAT(e, Contains("known plugins: "));
  CHECK_THAT(e, Contains("test-second"));
}

TEST_CASE("a plugin that fails its checks is reported at its stage") {
  const std::string e = config_error("<pipeline name=\"p\">\n  <stage plugin=\"test-wrong-abi\"/>\n</pipeline>");
  CHECK_THAT(e, Contains(":2:3: plugin 'test-wrong-abi'"));
  CHECK_THAT(e, Contains("built for SDK ABI 99.0"));
}

TEST_CASE("an unknown parameter lists the known parameters") {
  const std::string e = config_error(
      "<pipeline name=\"p\">\n  <stage plugin=\"test-good\">\n    <param name=\"wrod\">x</param>\n  </stage>\n</pipeline>");
  CHECK_THAT(e, Contains(":3:5: unknown parameter 'wrod' for plugin 'test-good'"));
  CHECK_THAT(e, Contains("known parameters: word (string), limit (integer), mode (choice)"));
}

TEST_CASE("a value of the wrong type or out of range says what is allowed") {
  CHECK_THAT(config_error("<pipeline name=\"p\">\n<stage plugin=\"test-good\">\n<param name=\"limit\">many</param>\n</stage>\n</pipeline>"),
             Contains(":3:1: parameter 'limit' of plugin 'test-good': expected an integer from 1 to 100, got 'many'"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n<stage plugin=\"test-good\">\n\n<param name=\"limit\" value=\"1000\"/>\n</stage>\n</pipeline>"),
             Contains(":4:1: parameter 'limit' of plugin 'test-good': expected an integer from 1 to 100, got '1000'"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n<stage plugin=\"test-good\"><param name=\"mode\">medium</param></stage>\n</pipeline>"),
             Contains(":2:27: parameter 'mode' of plugin 'test-good': expected one of fast, slow, got 'medium'"));
  CHECK_THAT(config_error("<pipeline name=\"p\">\n<stage plugin=\"test-throws\"><param name=\"fail-at-start\">perhaps</param></stage>\n</pipeline>"),
             Contains("expected true or false, got 'perhaps'"));
}

TEST_CASE("a parameter set twice is an error") {
  CHECK_THAT(config_error("<pipeline name=\"p\">\n<stage plugin=\"test-good\">\n<param name=\"limit\">1</param>\n"
                          "<param name=\"limit\">2</param>\n</stage>\n</pipeline>"),
             Contains(":4:1: parameter 'limit' is set twice"));
}

TEST_CASE("every problem is reported, not just the first") {
  const std::string e = config_error(
      "<pipeline name=\"p\">\n<stage plugin=\"nope\"/>\n<stage plugin=\"test-good\"><param name=\"x\">1</param></stage>\n</pipeline>");
  CHECK_THAT(e, Contains(":2:1: unknown plugin 'nope'"));
  CHECK_THAT(e, Contains(":3:27: unknown parameter 'x'"));
}

TEST_CASE("entity declarations are not expanded") {
  // A billion-laughs style document: pugixml does not process DTDs, so nothing expands.
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
                    "<pipeline name=\"&b;\"><stage plugin=\"test-good\"/></pipeline>";
  std::string error = config_error(xml);
  CHECK(error.size() < 2000);
}

TEST_CASE("config files are read from disk with their path in messages") {
  test::TempDir dir;
  test::write_file(dir / "bad.xml", "<pipeline name=\"x\">\n  <stage plugin=\"test-good\"/>\n  <oops/>\n</pipeline>\n");
  try {
    parse_config_file(dir / "bad.xml");
    FAIL("expected an error");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Contains((dir / "bad.xml").string() + ":3:3: unknown element <oops>"));
  }
  CHECK_THROWS_AS(parse_config_file(dir / "missing.xml"), ConfigError);
}
