// The export-html plugin through the real executable: loaded, configured from XML, writing below
// the output folder. No analysis stage runs, so the pages show the engine's bare text.
#include <catch2/catch.hpp>

#include <set>

#include "../../engine/test_support.hpp"

using namespace docpipe::test;
namespace fs = std::filesystem;

namespace {

std::string config(const std::string& params) {
  return "<pipeline name=\"view &amp; check\">\n  <plugins path=\"" + std::string(DOCPIPE_PLUGIN_DIR) +
         "\"/>\n  <stage plugin=\"export-html\">" + params + "</stage>\n</pipeline>\n";
}

std::string reports(const std::string& names) {
  std::string out;
  std::string rest = names;
  for (std::size_t p; !rest.empty(); rest = p == std::string::npos ? "" : rest.substr(p + 1)) {
    p = rest.find(' ');
    out += " " + std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/" + rest.substr(0, p) + ".txt";
  }
  return out;
}

}  // namespace

TEST_CASE("export-html writes a page per document and the index, atomically") {
  TempDir dir;
  write_file(dir / "run.xml", config(""));
  write_file(dir / "hostile.txt", "<script>alert(1)</script>\n一、總則 & 細則\n");
  const auto r = run_command(std::string(DOCPIPE_BINARY) + " run " + (dir / "run.xml").string() +
                             reports("city_changsha_2024 prov_hebei_2026_webscrape") + " " + (dir / "hostile.txt").string() +
                             " -o " + (dir / "out").string() + " -j 2");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(dir / "out" / "html")) files.insert(e.path().filename().string());
  CHECK(files == std::set<std::string>{"city_changsha_2024.html", "prov_hebei_2026_webscrape.html", "hostile.html", "index.html"});
  const std::string index = read_file(dir / "out" / "html" / "index.html");
  CHECK(index.find("<h1>view &amp; check</h1>") != std::string::npos);  // the pipeline's name
  for (const char* id : {"city_changsha_2024", "prov_hebei_2026_webscrape", "hostile"})
    CHECK(index.find("href=\"" + std::string(id) + ".html\"") != std::string::npos);
  const std::string hostile = read_file(dir / "out" / "html" / "hostile.html");
  CHECK(hostile.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(hostile.find("<script>alert") == std::string::npos);
  CHECK(read_file(dir / "out" / "html" / "city_changsha_2024.html").find("长沙") != std::string::npos);
}

TEST_CASE("export-html parameters: folder, no index, TOC depth bounds") {
  TempDir dir;
  write_file(dir / "run.xml", config("<param name=\"folder\" value=\"pages\"/><param name=\"index\" value=\"false\"/>"));
  const auto r = run_command(std::string(DOCPIPE_BINARY) + " run " + (dir / "run.xml").string() +
                             reports("city_changsha_2024") + " -o " + (dir / "out").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir / "out" / "pages" / "city_changsha_2024.html"));
  CHECK_FALSE(fs::exists(dir / "out" / "pages" / "index.html"));

  write_file(dir / "bad.xml", config("<param name=\"toc-depth\" value=\"9\"/>"));
  const auto bad = run_command(std::string(DOCPIPE_BINARY) + " run " + (dir / "bad.xml").string() +
                               reports("city_changsha_2024") + " -o " + (dir / "out2").string());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.output, Catch::Matchers::Contains("toc-depth"));
}

TEST_CASE("export-html describes itself as a serialized exporter") {
  const auto r = run_command(std::string(DOCPIPE_BINARY) + " plugins inspect export-html -P " + DOCPIPE_PLUGIN_DIR);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Matchers::Contains("serialized"));
  CHECK_THAT(r.output, Catch::Matchers::Contains("mark-repairs"));
}
