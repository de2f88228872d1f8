// The JSON export over the 195 real reports of the shared corpus (DOCPIPE_SHARED_DIR/corpus/reports,
// read in place): whatever the reports contain (BOMs, CR LF, tabs, full-width and rare characters),
// the export is valid against the schema, carries the text unchanged, and its offsets slice exactly.
// The layers are simple stand-ins (paragraphs at line breaks, a mention per digit run): the analysis
// stages are other plugins.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "docpipe/export/document_json.hpp"
#include "schema_validator.hpp"
#include "test_support.hpp"

namespace {

docpipe::Document from_report(const std::filesystem::path& path) {
  docpipe::Document d;
  d.id = path.stem().string();
  d.source = path.string();
  d.raw = test_support::read_file(path);
  d.text = d.raw;
  d.source_map = docpipe::SourceMap::identity(d.text.size());
  const std::string& t = d.text;
  for (std::size_t start = 0; start < t.size();) {
    const std::size_t end = std::min(t.find('\n', start), t.size());
    if (end > start) d.paragraphs.push_back({start, end});
    start = end + 1;
  }
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] < '0' || t[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.')) ++j;
    d.numbers.push_back({{i, j}, t.substr(i, j - i), 0, {}, "", "cardinal", ""});
    i = j;
  }
  return d;
}

}  // namespace

TEST_CASE("every corpus report exports to valid JSON whose offsets slice the text exactly") {
  const std::filesystem::path corpus = std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports";
  if (!std::filesystem::exists(corpus)) {
    WARN("shared corpus not found at " << corpus << "; skipped");
    return;
  }
  const schema_check::Validator validator(DOCPIPE_SOURCE_DIR "/docs/schema/docpipe.document-1.schema.json");
  std::size_t reports = 0, spans = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".txt") continue;
    const docpipe::Document doc = from_report(entry.path());
    INFO(doc.id);
    REQUIRE(docpipe::utf8::is_valid(doc.text));  // the corpus is clean UTF-8
    const std::string json = docpipe::exporting::document_to_json(doc);
    const auto root = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    CHECK(validator.validate(root).empty());
    const std::string text = root->getValue<std::string>("text");
    REQUIRE(text == doc.text);
    const std::u32string cps = test_support::code_points(text);
    for (const char* layer : {"paragraphs", "numbers"}) {
      const auto& spans_of = std::string(layer) == "paragraphs" ? doc.paragraphs : std::vector<docpipe::Span>{};
      const auto arr = root->getArray(layer);
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const auto o = arr->getObject(i);
        const docpipe::Span expected = spans_of.empty() ? doc.numbers[i].span : spans_of[i];
        const std::string sliced =
            test_support::slice(cps, o->getValue<std::size_t>("begin"), o->getValue<std::size_t>("end"));
        if (sliced != std::string(expected.of(doc.text))) FAIL_CHECK(layer << " " << i << ": " << sliced);
        ++spans;
      }
    }
    ++reports;
  }
  CHECK(reports >= 195);
  CHECK(spans > 10000);
}
