// The export-markdown plugin through the real executable: loaded, configured from XML, writing below
// the output folder. No analysis stage runs, so the files hold the engine's bare text.
#include <catch2/catch.hpp>

#include <set>

#include "../../engine/test_support.hpp"

using namespace docpipe::test;
namespace fs = std::filesystem;

namespace {

std::string config(const std::string& params) {
  return "<pipeline name=\"t\">\n  <plugins path=\"" + std::string(DOCPIPE_PLUGIN_DIR) +
         "\"/>\n  <stage plugin=\"export-markdown\">" + params + "</stage>\n</pipeline>\n";
}

const std::string changsha = std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/city_changsha_2024.txt";

}  // namespace

TEST_CASE("export-markdown writes OUT/md/<id>.md for every document") {
  TempDir dir;
  write_file(dir / "run.xml", config(""));
  write_file(dir / "list.txt", "- 第一項\n# 不是標題\n");
  const auto r = run_command(std::string(DOCPIPE_BINARY) + " run " + (dir / "run.xml").string() + " " + changsha + " " +
                             (dir / "list.txt").string() + " -o " + (dir / "out").string() + " -j 2");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(dir / "out" / "md")) files.insert(e.path().filename().string());
  CHECK(files == std::set<std::string>{"city_changsha_2024.md", "list.md"});
  CHECK(read_file(dir / "out" / "md" / "list.md") == "# list\n\n\\- 第一項\n\n\\# 不是標題\n");
  CHECK(read_file(dir / "out" / "md" / "city_changsha_2024.md").find("长沙") != std::string::npos);
}

TEST_CASE("export-markdown parameters: folder, and choices checked by the host") {
  TempDir dir;
  write_file(dir / "run.xml", config("<param name=\"folder\" value=\"markdown\"/><param name=\"term-footnotes\" value=\"all\"/>"));
  auto r = run_command(std::string(DOCPIPE_BINARY) + " run " + (dir / "run.xml").string() + " " + changsha + " -o " +
                       (dir / "out").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir / "out" / "markdown" / "city_changsha_2024.md"));

  write_file(dir / "bad.xml", config("<param name=\"term-footnotes\" value=\"some\"/>"));
  r = run_command(std::string(DOCPIPE_BINARY) + " run " + (dir / "bad.xml").string() + " " + changsha + " -o " +
                  (dir / "out2").string());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Matchers::Contains("first, all, none"));
}
