#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus_fixture.hpp"
#include "html_exporter.hpp"

#include "docpipe/export/file_names.hpp"
#include "index_page.hpp"

using namespace docpipe;
using namespace docpipe::html_export;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("docpipe-export-html-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

Document small(const std::string& id, const std::string& title, int year, const std::string& region) {
  Document d;
  d.id = id;
  d.text = title + "\n正文。";
  d.metadata.title = title;
  d.metadata.year = year;
  d.metadata.region = region;
  d.glossary.unresolved = {{"（3）", 3, {}}};
  return d;
}

}  // namespace

TEST_CASE("page file names cannot escape the folder or hide the index, and never collide") {
  CHECK(page_file_name("city_changsha_2024") == "city_changsha_2024.html");
  const std::string escaped = page_file_name("../etc/passwd");
  CHECK(escaped.rfind("_._etc_passwd-", 0) == 0);
  CHECK(escaped.find('/') == std::string::npos);
  CHECK(page_file_name("") != ".html");
  CHECK(page_file_name("index") != "index.html");
  CHECK(page_file_name("index") != page_file_name("index_"));
  CHECK(page_file_name("a/b") != page_file_name("a:b"));
  CHECK(page_file_name("a*b") == docpipe::exporting::safe_file_stem("a*b") + ".html");
}

TEST_CASE("the exporter writes one page per document and an index of small rows") {
  const fs::path dir = fresh_dir("run");
  HtmlExporter exporter(dir, {}, "測試 <run>");
  exporter.export_document(fixture::changsha_document());
  exporter.export_document(small("prov_b_2020", "乙省2020年政府工作报告", 2020, "乙省"));
  exporter.export_document(small("city_a_2023", "甲市2023年政府工作報告", 2023, "甲市"));
  exporter.export_document(small("city_a_2023", "甲市2023年政府工作報告（修訂）", 2023, "甲市"));  // re-export
  exporter.write_index();

  CHECK(exporter.rows().size() == 3);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++files;
    CHECK(entry.path().extension() == ".html");  // no temporary left behind
  }
  CHECK(files == 4);
  const std::string index = slurp(dir / "index.html");
  CHECK(index.find("<title>測試 &lt;run&gt;</title>") != std::string::npos);
  // Newest year first.
  const std::size_t changsha = index.find("href=\"city_changsha_2024.html\""), a = index.find("href=\"city_a_2023.html\""),
                    b = index.find("href=\"prov_b_2020.html\"");
  REQUIRE(changsha != std::string::npos);
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  CHECK(changsha < a);
  CHECK(a < b);
  CHECK(index.find("（修訂）") != std::string::npos);
  CHECK(index.find("<td class=\"n flag\">1</td>") != std::string::npos);  // unresolved markers flagged
  const SummaryRow& row = exporter.rows()[0];
  const Document doc = fixture::changsha_document();
  CHECK(row.numbers == doc.numbers.size());
  CHECK(row.indicators == doc.indicators.size());
  CHECK(row.glossary == doc.glossary.entries.size());
  CHECK(row.repairs == 1);
  CHECK(row.problems == 1);
  CHECK(slurp(dir / "city_changsha_2024.html").find("长沙") != std::string::npos);
  fs::remove_all(dir);
}
