#include <catch2/catch.hpp>

#include "batch_runner.hpp"
#include "plugin_catalog.hpp"
#include "test_support.hpp"

using namespace docpipe::engine;
using docpipe::test::TempDir;
using docpipe::test::write_file;

namespace {
ResolvedPipeline pipeline(const std::string& stages) {
  PluginSearchPath path;
  path.prepend({DOCPIPE_TEST_PLUGIN_DIR});
  return validate_config(parse_config_text(docpipe::test::test_config(stages), "/cfg/p.xml"), PluginCatalog(path));
}
}  // namespace

TEST_CASE("a throwing stage fails its document and the batch goes on", "[batch]") {
  TempDir dir;
  for (int i = 0; i < 20; ++i) write_file(dir / ("in/doc" + std::to_string(i) + ".txt"), i % 7 == 3 ? "BOOM" : "fine 報告");
  write_file(dir / "in/empty.txt", "");
  auto p = pipeline("<stage plugin=\"test-good\"/><stage plugin=\"test-throws\"/><stage plugin=\"test-second\"/>");
  InputSource inputs({(dir / "in").string()}, 1 << 20);
  RunOptions options;
  options.output_dir = dir / "out";
  options.jobs = 3;
  options.quiet = true;
  RunSummary summary = run_batch(p, inputs, options);
  CHECK(summary.ok == 17);
  CHECK(summary.failed == 4);  // doc3, doc10, doc17 and the empty file
  int boom = 0, empty = 0;
  for (const auto& f : summary.failures) {
    if (f.stage == "test-throws") {
      ++boom;
      CHECK(f.stage_index == 1);
      CHECK(f.error == "boom in document " + f.id);
    }
    if (f.stage == "input") {
      ++empty;
      CHECK(f.error == "empty input (0 bytes)");
    }
  }
  CHECK(boom == 3);
  CHECK(empty == 1);
}

TEST_CASE("a stage that cannot start stops the run before any document", "[batch]") {
  TempDir dir;
  write_file(dir / "a.txt", "x");
  auto p = pipeline("<stage plugin=\"test-throws\"><param name=\"fail-at-start\">true</param></stage>");
  InputSource inputs({(dir / "a.txt").string()}, 1 << 20);
  RunOptions options;
  options.output_dir = dir / "out";
  CHECK_THROWS_WITH(run_batch(p, inputs, options),
                    Catch::Matchers::Contains("could not start: refusing to start as configured"));
}

TEST_CASE("duplicate ids fail the later document", "[batch]") {
  TempDir dir;
  write_file(dir / "x/report.txt", "one");
  write_file(dir / "y/report.md", "two");
  auto p = pipeline("<stage plugin=\"test-second\"/>");
  InputSource inputs({(dir / "x/report.txt").string(), (dir / "y/report.md").string()}, 1 << 20);
  RunOptions options;
  options.output_dir = dir / "out";
  options.jobs = 1;
  options.quiet = true;
  RunSummary summary = run_batch(p, inputs, options);
  CHECK(summary.ok == 1);
  REQUIRE(summary.failed == 1);
  CHECK_THAT(summary.failures[0].error, Catch::Matchers::Contains("duplicate document id 'report'"));
}

TEST_CASE("ids are made safe as file names") {
  CHECK(safe_document_id("../../etc/passwd") == "_._.._etc_passwd");
  CHECK(safe_document_id("") == "document");
  CHECK(safe_document_id("政府\n報告") == "政府_報告");
}

TEST_CASE("a pipeline without exporters writes no checkpoints and resumes from its journal", "[batch]") {
  TempDir dir;
  for (int i = 0; i < 6; ++i) write_file(dir / ("in/doc" + std::to_string(i) + ".txt"), "報告 " + std::to_string(i));
  auto p = pipeline("<stage plugin=\"test-good\"/><stage plugin=\"test-second\"/>");
  RunOptions options;
  options.output_dir = dir / "out";
  options.jobs = 2;
  options.quiet = true;
  {
    InputSource inputs({(dir / "in").string()}, 1 << 20);
    const RunSummary first = run_batch(p, inputs, options);
    CHECK(first.ok == 6);
    CHECK(first.kept == 0);
  }
  const auto checkpoints = dir / "out" / ".docpipe" / "checkpoints";
  CHECK((!std::filesystem::exists(checkpoints) || std::filesystem::is_empty(checkpoints)));
  write_file(dir / "in/doc3.txt", "changed");
  options.resume = true;
  InputSource inputs({(dir / "in").string()}, 1 << 20);
  const RunSummary resumed = run_batch(p, inputs, options);
  CHECK(resumed.ok == 6);
  CHECK(resumed.kept == 5);  // doc3 changed and is processed again
}
