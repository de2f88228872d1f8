// Hostile inputs through `docpipe run` with the default pipeline: a clean result or a clear error,
// never a crash, a hang or runaway memory. See README.md beside this file.
#include <catch2/catch.hpp>

#include <algorithm>

#include <sys/resource.h>
#include <sys/wait.h>

#include "../engine/test_support.hpp"

using namespace docpipe::test;
namespace fs = std::filesystem;

namespace {

const fs::path inputs = fs::path(DOCPIPE_SOURCE_DIR) / "tests" / "hostile" / "inputs";
const std::string default_config = (fs::path(DOCPIPE_SOURCE_DIR) / "configs" / "default.xml").string();

// Runs docpipe under a time limit; the exit code 124 of timeout(1) means it hung.
CommandResult run_limited(const std::string& args, int seconds = 120) {
  return run_command("timeout -s KILL " + std::to_string(seconds) + " " + DOCPIPE_BINARY + " " + args);
}

void check_clean(const CommandResult& r) {
  INFO(r.output);
  CHECK(r.exit_code <= 2);  // 0 ok, 1 documents failed, 2 usage/config error; 124/137/139 would be a hang or crash
}

}  // namespace

TEST_CASE("every committed hostile input gives a result or a per-document error") {
  TempDir dir;
  for (const auto& e : fs::directory_iterator(inputs)) {
    const fs::path out = dir / e.path().stem().string();
    const auto r = run_limited("run " + default_config + " " + e.path().string() + " -o " + out.string() + " -q");
    INFO(e.path().filename().string() << "\n" << r.output);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    CHECK(fs::exists(out / "run-report.json"));
    if (r.exit_code == 1) CHECK(read_file(out / "run-report.json").find("\"error\"") != std::string::npos);
  }
}

TEST_CASE("the empty file fails as a document with a clear message") {
  TempDir dir;
  const auto r = run_limited("run " + default_config + " " + (inputs / "empty.txt").string() + " -o " + (dir / "o").string());
  CHECK(r.exit_code == 1);
  CHECK_THAT(read_file(dir / "o" / "run-report.json"), Catch::Contains("empty input"));
}

TEST_CASE("NUL bytes inside text are left out of it, not a failed document") {
  TempDir dir;
  const auto r = run_limited("run " + default_config + " " + (inputs / "nul_bytes.txt").string() + " -o " + (dir / "o").string());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  std::string text = read_file(inputs / "nul_bytes.txt");
  text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
  const std::string json = read_file(dir / "o" / "json" / "nul_bytes.json");
  CHECK_THAT(json, Catch::Contains("\"text\": \"" + text.substr(0, text.find("\xE5\xA2\x9E"))));
  CHECK_THAT(json, Catch::Contains("\"nul-bytes\""));
}

TEST_CASE("a 10 MB line and 100,000 nested brackets are processed or refused, within time") {
  TempDir dir;
  std::string line;
  const std::string sentence = "全年地區生產總值增長百分之五點五左右，一般公共預算收入增長3.2%；";
  while (line.size() < 10'000'000) line += sentence;
  write_file(dir / "in" / "long_line.txt", line);
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += i % 3 == 0 ? "（" : i % 3 == 1 ? "(" : "【";
  nested += "報告";
  for (int i = 99999; i >= 0; --i) nested += i % 3 == 0 ? "）" : i % 3 == 1 ? ")" : "】";
  write_file(dir / "in" / "nested.txt", nested);
  const auto r = run_limited("run " + default_config + " " + (dir / "in").string() + " -o " + (dir / "o").string() + " -q", 300);
  INFO(r.output);
  CHECK((r.exit_code == 0 || r.exit_code == 1));
  CHECK(fs::exists(dir / "o" / "run-report.json"));
}

TEST_CASE("a config with 10,000 stages is handled without a crash") {
  TempDir dir;
  std::string config = "<pipeline name=\"huge\">\n";
  for (int i = 0; i < 10000; ++i) config += "  <stage plugin=\"section-split\"/>\n";
  config += "</pipeline>\n";
  write_file(dir / "p.xml", config);
  write_file(dir / "in.txt", "一、總體要求\n政府工作報告。\n");
  const auto r = run_limited("run " + (dir / "p.xml").string() + " " + (dir / "in.txt").string() + " -o " + (dir / "o").string() + " -q", 300);
  check_clean(r);
}

TEST_CASE("XML entity expansion in a config is refused, not expanded") {
  TempDir dir;
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE pipeline [\n  <!ENTITY l0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    laughs += "  <!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&l" + std::to_string(i - 1) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n<pipeline name=\"&l9;\"><stage plugin=\"section-split\"/></pipeline>\n";
  write_file(dir / "laughs.xml", laughs);
  write_file(dir / "external.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                                   "<pipeline name=\"&x;\"><stage plugin=\"section-split\"/></pipeline>\n");
  write_file(dir / "in.txt", "報告");
  for (const char* name : {"laughs.xml", "external.xml"}) {
    const auto r = run_limited("run " + (dir / name).string() + " " + (dir / "in.txt").string() + " -o " + (dir / "o").string(), 60);
    INFO(name << "\n" << r.output);
    CHECK(r.exit_code <= 2);
    CHECK(r.output.find("root:") == std::string::npos);   // the external entity was not read
    CHECK(r.output.find("lollollol") == std::string::npos);  // nor the entities expanded into the name
  }
}
