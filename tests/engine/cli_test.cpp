#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace docpipe::test;
using Catch::Matchers::Contains;

namespace {
const std::string binary = DOCPIPE_BINARY;

std::string write_config(const TempDir& dir, const std::string& stages) {
  const auto path = dir / "pipeline.xml";
  write_file(path, test_config(stages));
  return path.string();
}
}  // namespace

TEST_CASE("run over a folder: summary, run report and exit code 1 when a document fails", "[cli]") {
  TempDir dir;
  write_file(dir / "in/a.txt", "報告 one");
  write_file(dir / "in/sub/b.txt", "BOOM");
  write_file(dir / "in/c.md", "報告 three");
  const auto config = write_config(dir, "<stage plugin=\"test-good\"/><stage plugin=\"test-throws\"/>");
  auto r = run_command(binary + " run " + config + " " + (dir / "in").string() + " -o " + (dir / "out").string() + " -j 2");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Contains("FAILED sub__b: [test-throws] boom in document sub__b"));
  CHECK_THAT(r.output, Contains("2 documents ok, 1 failed"));
  const std::string report = read_file(dir / "out/run-report.json");
  CHECK_THAT(report, Contains("\"documents_ok\": 2"));
  CHECK_THAT(report, Contains("\"documents_reused\": 0"));
  CHECK_THAT(report, Contains("\"interrupted_by_signal\": 0"));
  CHECK_THAT(report, Contains("\"stage\": \"test-throws\""));
}

TEST_CASE("run over a JSON Lines file and over standard input, exit code 0", "[cli]") {
  TempDir dir;
  write_file(dir / "docs.jsonl", "{\"id\":\"x\",\"text\":\"報告\"}\n{\"id\":\"y\",\"text\":\"報告 2\"}\n");
  const auto config = write_config(dir, "<stage plugin=\"test-good\"/>");
  auto r = run_command(binary + " run " + config + " " + (dir / "docs.jsonl").string() + " -o " + (dir / "out").string());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Contains("[2/2]"));
  CHECK_THAT(r.output, Contains("2 documents ok, 0 failed"));

  auto s = run_command("printf '報告 from stdin' | " + binary + " run " + config + " - -o " + (dir / "out2").string());
  CHECK(s.exit_code == 0);
  CHECK_THAT(s.output, Contains("stdin ok"));
}

TEST_CASE("usage and config errors exit with 2 and say what is wrong", "[cli]") {
  TempDir dir;
  write_file(dir / "a.txt", "x");
  auto none = run_command(binary);
  CHECK(none.exit_code == 2);
  auto unknown = run_command(binary + " frobnicate");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.output, Contains("unknown command 'frobnicate'"));
  auto bad_option = run_command(binary + " run --frob x y");
  CHECK(bad_option.exit_code == 2);
  const auto bad = dir / "bad.xml";
  write_file(bad, test_config("<stage plugin=\"test-good\"><param name=\"limit\">0</param></stage>\n"));
  auto r = run_command(binary + " run " + bad.string() + " " + (dir / "a.txt").string() + " -o " + (dir / "out").string());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Contains(bad.string() + ":3:"));
  CHECK_THAT(r.output, Contains("expected an integer from 1 to 100, got '0'"));
  auto missing = run_command(binary + " run " + bad.string() + " /no/such/input");
  CHECK(missing.exit_code == 2);
  auto start = run_command(binary + " run " + write_config(dir, "<stage plugin=\"test-throws\"><param name=\"fail-at-start\">1</param></stage>") +
                           " " + (dir / "a.txt").string() + " -o " + (dir / "out").string());
  CHECK(start.exit_code == 2);
  CHECK_THAT(start.output, Contains("could not start: refusing to start as configured"));
}

TEST_CASE("validate checks without running, plugins list and inspect describe plugins", "[cli]") {
  TempDir dir;
  const auto config = write_config(dir, "<stage plugin=\"test-good\"/>");
  auto v = run_command(binary + " validate " + config);
  CHECK(v.exit_code == 0);
  CHECK_THAT(v.output, Contains("is valid (1 stages: test-good)"));
  auto list = run_command(binary + " plugins list --plugin-path " + std::string(DOCPIPE_TEST_PLUGIN_DIR));
  CHECK(list.exit_code == 0);
  CHECK_THAT(list.output, Contains("test-good"));
  CHECK_THAT(list.output, Contains("BROKEN"));
  auto inspect = run_command(binary + " plugins inspect test-good -P " + std::string(DOCPIPE_TEST_PLUGIN_DIR));
  CHECK(inspect.exit_code == 0);
  CHECK_THAT(inspect.output, Contains("limit (integer) default '10' min 1 max 100"));
  CHECK_THAT(inspect.output, Contains("mode (choice) default 'fast' one of fast slow"));
  auto version = run_command(binary + " --version");
  CHECK_THAT(version.output, Contains("docpipe 0.1.0"));
}
