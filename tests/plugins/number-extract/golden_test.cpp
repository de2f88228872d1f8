// Golden tests: the indicator facts of hand-labelled sentences of real reports (golden/*.tsv, see
// golden/README.md; every line was checked by hand against the source text). The stage runs
// alone (no section-split before it) on the whole report, as read from the shared corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "indicator_table.hpp"
#include "number_extract.hpp"
#include "read_file.hpp"

namespace {

using number_extract_test::read_file;

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (true) {
    const std::size_t tab = line.find('\t', b);
    out.push_back(line.substr(b, tab == std::string::npos ? std::string::npos : tab - b));
    if (tab == std::string::npos) break;
    b = tab + 1;
  }
  return out;
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

struct Golden {
  std::string source, anchor, until, status;
  int period = 0;
  std::vector<std::string> facts;  // the seven columns joined by tabs
};

Golden load(const std::filesystem::path& path) {
  Golden g;
  std::istringstream in(read_file(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split_tabs(line);
    if (f[0] == "source") g.source = f.at(1);
    else if (f[0] == "anchor") g.anchor = f.at(1);
    else if (f[0] == "until") g.until = f.at(1);
    else if (f[0] == "status") g.status = f.at(1);
    else if (f[0] == "period") g.period = std::stoi(f.at(1));
    else {
      f.resize(7);
      // Normalise the numbers so 5.5 and 5.50 compare equal.
      f[3] = number(std::stod(f[3]));
      if (!f[4].empty()) f[4] = number(std::stod(f[4]));
      std::string joined;
      for (std::size_t k = 0; k < 7; ++k) joined += (k ? "\t" : "") + f[k];
      g.facts.push_back(joined);
    }
  }
  return g;
}

}  // namespace

TEST_CASE("golden: hand-labelled target and result tables of real reports", "[number-extract][golden]") {
  const std::filesystem::path dir = std::filesystem::path(DOCPIPE_SOURCE_DIR) / "tests/plugins/number-extract/golden";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 11);
  for (const auto& path : files) {
    const Golden g = load(path);
    DYNAMIC_SECTION(path.filename().string()) {
      docpipe::Document doc;
      doc.text = read_file(std::filesystem::path(DOCPIPE_SHARED_DIR) / g.source);
      REQUIRE(!doc.text.empty());
      number_extract::extract_numbers(doc, number_extract::IndicatorTable::builtin());
      const std::size_t anchor = doc.text.find(g.anchor);
      REQUIRE(anchor != std::string::npos);
      // The labelled passage: the sentence holding the anchor, or [anchor, until) when given.
      const std::size_t until = g.until.empty() ? std::string::npos : doc.text.find(g.until, anchor);
      REQUIRE((g.until.empty() || until != std::string::npos));
      std::vector<std::string> got;
      for (const auto& i : doc.indicators) {
        const bool in = g.until.empty() ? i.sentence.begin <= anchor && anchor < i.sentence.end
                                        : anchor <= i.span.begin && i.span.end <= until;
        if (!in) continue;
        CHECK(i.status == g.status);
        CHECK(i.period == g.period);
        CHECK(i.span.of(doc.text).size() > 0);
        got.push_back(i.name + "\t" + i.canonical + "\t" + i.measure + "\t" + number(i.value) + "\t" +
                      (i.value_high ? number(*i.value_high) : "") + "\t" + i.unit + "\t" + i.qualifier);
      }
      std::vector<std::string> want = g.facts;
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      CHECK(got == want);
    }
  }
}
