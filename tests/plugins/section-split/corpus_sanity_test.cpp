// Structural checks over every report of the shared corpus (../shared/corpus/reports): properties
// that must hold for any report, labelled or not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string_view>

#include "docpipe/utf8.hpp"
#include "outline.hpp"
#include "section_splitter.hpp"

namespace fs = std::filesystem;

namespace {
std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// True when the report has lines opening (after indentation and markup) with 一、 and then 二、.
bool has_numbered_parts(const std::string& text) {
  static const std::regex one(R"((^|\n)[\s#>*\u3000]*(\xE3\x80\x80|\xE2\x80\x83)*一、)");
  static const std::regex two(R"((^|\n)[\s#>*]*(\xE3\x80\x80|\xE2\x80\x83)*二、)");
  return std::regex_search(text, one) && std::regex_search(text, two);
}
}  // namespace

TEST_CASE("corpus: every report yields a sane tree, paragraphs and sentences") {
  const auto files = corpus();
  REQUIRE(files.size() >= 150);
  std::size_t with_parts = 0, with_two_top = 0;
  for (const auto& path : files) {
    INFO(path.filename().string());
    auto doc = section_split_test::document_from(path.string());
    section_split::split_document(doc);
    const std::string_view text = doc.text;
    // sections: parents first, levels by depth, spans nested, headings inside spans, in order
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
      const auto& s = doc.sections[i];
      REQUIRE(s.span.contains(s.heading));
      REQUIRE(s.span.end <= text.size());
      REQUIRE(docpipe::utf8::is_valid(s.heading.of(text)));
      if (s.parent >= 0) {
        REQUIRE(s.parent < int(i));
        const auto& p = doc.sections[std::size_t(s.parent)];
        REQUIRE(p.span.contains(s.span));
        REQUIRE(s.level == p.level + 1);
      } else {
        REQUIRE(s.level == 1);
      }
      if (i > 0) REQUIRE(doc.sections[i - 1].span.begin < s.span.begin);
      if (s.level == 1 && s.kind == "body") CHECK(docpipe::utf8::length(s.title) <= 60);
      CHECK((!s.title.empty() || !s.label.empty()));
    }
    // paragraphs and sentences: in order, not overlapping, every sentence inside a paragraph
    std::size_t p = 0;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      REQUIRE(!doc.paragraphs[i].empty());
      if (i > 0) REQUIRE(doc.paragraphs[i - 1].end <= doc.paragraphs[i].begin);
    }
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
      const auto& s = doc.sentences[i];
      REQUIRE(!s.empty());
      if (i > 0) REQUIRE(doc.sentences[i - 1].end <= s.begin);
      while (p < doc.paragraphs.size() && doc.paragraphs[p].end < s.end) ++p;
      REQUIRE(p < doc.paragraphs.size());
      REQUIRE(doc.paragraphs[p].contains(s));
    }
    // reports numbered 一、二、 show them as sections, and have at least two top-level parts
    if (has_numbered_parts(doc.text)) {
      ++with_parts;
      std::size_t numbered = 0, top = 0;
      for (const auto& s : doc.sections) {
        if ((s.label == "一" || s.label == "二") && s.kind == "body") ++numbered;
        if (s.parent < 0 && s.kind == "body") ++top;
      }
      CHECK(numbered >= 2);
      if (top >= 2) ++with_two_top;
    }
  }
  // a few reports number only their lists 一、二、 and have a single framing part; nearly all others
  // have two or more
  CHECK(with_two_top * 100 >= with_parts * 95);
}

namespace {
// The first ten code points of @p s, cut at a sentence mark, colon or markup star.
std::string key(std::string_view s) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t p = 0; p < s.size() && n < 10;) {
    const std::size_t here = p;
    const char32_t c = docpipe::utf8::next(s, p);
    if (c == U'。' || c == U'*' || c == U'！' || c == U'；' || c == U'：' || c == U':') break;
    out.append(s.substr(here, p - here));
    ++n;
  }
  return out;
}
bool is_numeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; }
}  // namespace

TEST_CASE("corpus: recall of 一、 and （一） lines as section headings") {
  std::size_t lines = 0, found = 0;
  for (const auto& path : corpus()) {
    auto doc = section_split_test::document_from(path.string());
    section_split::split_document(doc);
    std::set<std::string> headings;
    for (const auto& s : doc.sections) headings.insert(key(s.heading.of(doc.text)));
    std::string_view text = doc.text;
    for (std::size_t begin = 0; begin < text.size();) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(begin, end - begin);
      begin = end + 1;
      // skip indentation and markup
      std::size_t p = 0;
      while (p < line.size()) {
        std::size_t q = p;
        const char32_t c = docpipe::utf8::next(line, q);
        if (c == U' ' || c == U'\t' || c == U'\r' || c == U'#' || c == U'>' || c == U'*' || c == 0x3000 || c == 0x2003 ||
            c == 0xA0)
          p = q;
        else
          break;
      }
      line.remove_prefix(p);
      std::size_t q = 0;
      char32_t c = docpipe::utf8::next(line, q);
      bool labelled = false;
      if (c == U'（' || c == U'(') {
        std::size_t r = q;
        while (r < line.size()) {
          std::size_t t = r;
          if (!is_numeral(docpipe::utf8::next(line, t))) break;
          r = t;
        }
        std::size_t t = r;
        const char32_t close = r > q ? docpipe::utf8::next(line, t) : 0;
        labelled = close == U'）' || close == U')';
      } else if (is_numeral(c)) {
        std::size_t r = q;
        while (r < line.size()) {
          std::size_t t = r;
          c = docpipe::utf8::next(line, t);
          if (!is_numeral(c)) break;
          r = t;
        }
        labelled = c == U'、';
      }
      if (!labelled) continue;
      ++lines;
      if (headings.count(key(line))) ++found;
    }
  }
  INFO(found << " of " << lines << " labelled lines are section headings");
  CHECK(lines > 2000);
  // the few misses are enumerations in the text (`一、关于…问题；`) and damaged headings
  CHECK(found * 100 >= lines * 99);
}
