// Golden outlines of corpus reports. Each golden/*.outline file was produced by section_split_dump
// and then checked by hand, heading by heading, against the report in ../shared/corpus/reports (see
// golden/README.md). A change in output must be re-checked the same way before the file is updated.
#include <catch2/catch.hpp>

#include <fstream>

#include "outline.hpp"
#include "section_splitter.hpp"

namespace {
const char* const reports[] = {
    "national_2024.txt",             // national, markdown `##`, —— items under 一、
    "national_1978.txt",             // national, unlabeled `##` parts, bold 第一， items
    "national_2018_gbkscrape.txt",   // national, GBK web scrape, CRLF, one paragraph per line
    "prov_hebei_2026_webscrape.txt", // province, web scrape with page chrome
    "prov_anhui_2025_docx.txt",      // province, Word conversion
    "prov_liaoning_2025_docx.txt",   // province, Word conversion indented with U+2003
    "prov_guangdong_2024.txt",       // province, 附件1 民生实事 with its own 一、 run, 附件2 名词解释
    "city_dali_bai_ap_2022.txt",     // autonomous prefecture, unheaded 惠民实事 list restarting 一、
    "city_yibin_2025.txt",           // city, unlabeled level-1 parts, （一） and 一、 under them
    "city_changsha_2024.txt",        // city, front matter, bold headings, numbered glossary
    "city_wulumuqi_2023.txt",        // city, two 一、 runs under unlabeled parts, glossary
    "muni_chongqing_2026.txt",       // municipality, front matter, four parts
};
}  // namespace

TEST_CASE("golden outlines of hand-checked corpus reports") {
  for (const char* name : reports) {
    const std::string source = std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/" + name;
    const std::string golden = std::string(DOCPIPE_SOURCE_DIR) + "/tests/plugins/section-split/golden/" +
                               std::string(name).substr(0, std::string(name).size() - 4) + ".outline";
    INFO(name);
    auto doc = section_split_test::document_from(source);
    section_split::split_document(doc);
    CHECK(section_split_test::outline(doc) == section_split_test::read_file(golden));
  }
}

TEST_CASE("golden outline of the seed (traditional script, one line, damaged)") {
  auto doc = section_split_test::document_from(std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt");
  section_split::split_document(doc);
  CHECK(section_split_test::outline(doc) ==
        section_split_test::read_file(std::string(DOCPIPE_SOURCE_DIR) + "/tests/plugins/section-split/golden/seed.outline"));
}

namespace {
// The report as a web scrape that lost its line breaks (like the seed): front matter dropped, every
// line break with the blanks around it turned into one space.
std::string flattened(const std::string& text) {
  std::string body = text;
  if (body.rfind("---", 0) == 0) {
    const std::size_t close = body.find("\n---", 3);
    if (close != std::string::npos) body = body.substr(close + 4);
  }
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\n' || c == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && (c == ' ' || c == '\t')) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}
// The section lines of an outline (the metadata lines dropped).
std::string sections_of(const std::string& outline) {
  std::string out;
  std::size_t line = 0;
  for (std::size_t b = 0; b < outline.size();) {
    std::size_t e = outline.find('\n', b);
    if (e == std::string::npos) e = outline.size();
    if (++line > 5) out.append(outline, b, e - b + 1);
    b = e + 1;
  }
  return out;
}
}  // namespace

TEST_CASE("a report flattened to one line keeps its hand-checked outline") {
  for (const char* name : {"national_2024", "prov_anhui_2025_docx", "prov_guangdong_2024", "city_dali_bai_ap_2022",
                           "city_yibin_2025", "city_changsha_2024", "city_wulumuqi_2023", "muni_chongqing_2026"}) {
    INFO(name);
    const std::string report = std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/" + name + ".txt";
    docpipe::Document doc;
    doc.text = flattened(section_split_test::read_file(report));
    REQUIRE(doc.text.find('\n') == std::string::npos);
    section_split::split_document(doc);
    const std::string golden = section_split_test::read_file(std::string(DOCPIPE_SOURCE_DIR) +
                                                             "/tests/plugins/section-split/golden/" + name + ".outline");
    CHECK(sections_of(section_split_test::outline(doc)) == sections_of(golden));
  }
}
