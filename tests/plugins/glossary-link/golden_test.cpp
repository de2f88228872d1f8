// Golden files: the glossary layer of the seed and of corpus reports whose 名词解释 appendix comes in
// different shapes. Regenerate with DOCPIPE_UPDATE_GOLDEN=1 and check every change by hand against the
// source text (golden/README.md says what was checked).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "docpipe/atomic_file.hpp"
#include "glossary_linker.hpp"
#include "golden_support.hpp"

using namespace docpipe;
using namespace glossary_test;

namespace {

void check_golden(const std::string& relative, const std::string& name) {
  Document doc;
  doc.text = read_file(shared(relative));
  REQUIRE_FALSE(doc.text.empty());
  docpipe::glossary_link::GlossaryLinker().process(doc);
  const std::string got = render(doc, relative);
  const std::string path = golden_path(name);
  if (std::getenv("DOCPIPE_UPDATE_GOLDEN")) write_file_atomically(path, got);
  const std::string want = read_file(path);
  REQUIRE_FALSE(want.empty());
  CHECK(got == want);
}

}  // namespace

TEST_CASE("golden: seed (one line, traditional script, damaged, `(N)` markers, entry 14 missing)") {
  check_golden("seed/000_dbdc0dc46ac71758.txt", "seed");
}

TEST_CASE("golden: Haikou 2024 (`[N]` entries and markers, Latin terms)") {
  check_golden("corpus/reports/city_haikou_2024.txt", "city_haikou_2024");
}

TEST_CASE("golden: Chifeng 2023 (unnumbered `term：definition` paragraphs)") {
  check_golden("corpus/reports/city_chifeng_2023.txt", "city_chifeng_2023");
}

TEST_CASE("golden: Sichuan 2021 (`（N）` entries, heading 名词解释和说明)") {
  check_golden("corpus/reports/prov_sichuan_2021.txt", "prov_sichuan_2021");
}

TEST_CASE("golden: Sichuan 2026 web scrape (broken lines, page furniture after the last entry)") {
  check_golden("corpus/reports/prov_sichuan_2026_webscrape.txt", "prov_sichuan_2026_webscrape");
}
