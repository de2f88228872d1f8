// dump_corpus_facts: every number mention, indicator fact and stage diagnostic of every corpus report
// (corpus/reports/*.txt and the seed), one line each, so two builds can be compared byte for byte
// (compare_corpus_dump.sh). Speed work on the stage must leave this dump unchanged.
//
// Each document is read twice: with the stage's own sentence split, and with given sentences cut at
// every `。！？；;` and line end (as section-split cuts them), so both paths of the stage are covered.
//
// Usage: dump_corpus_facts [SHARED_DIR] > dump.txt
//        dump_corpus_facts SHARED_DIR --totals   (counts only: the stage's work alone, for callgrind)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "indicator_table.hpp"
#include "number_extract.hpp"
#include "read_file.hpp"

namespace {

using number_extract_test::read_file;

std::vector<std::filesystem::path> corpus_paths(const std::filesystem::path& shared) {
  std::vector<std::filesystem::path> paths;
  for (const char* sub : {"corpus/reports", "seed"}) {
    const auto dir = shared / sub;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Sentences ended by 。！？；; or a line end, trimmed of spaces: a splitter other than the stage's own.
std::vector<docpipe::Span> cut_sentences(const std::string& text) {
  std::vector<docpipe::Span> out;
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    std::size_t b = begin, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\r' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' || text[e - 1] == '\t')) --e;
    if (e > b) out.push_back({b, e});
    begin = end;
  };
  for (std::size_t p = 0; p < text.size();) {
    std::size_t len = 0;
    if (text[p] == '\n' || text[p] == ';' || text[p] == '!' || text[p] == '?') len = 1;
    else if (text.compare(p, 3, "。") == 0 || text.compare(p, 3, "；") == 0 || text.compare(p, 3, "！") == 0 ||
             text.compare(p, 3, "？") == 0)
      len = 3;
    if (len == 0) {
      ++p;
      continue;
    }
    p += len;
    close(p);
  }
  close(text.size());
  return out;
}

// Doubles with every digit, so a changed value cannot hide behind rounding.
std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string optional_number(const std::optional<double>& v) { return v ? number(*v) : "-"; }

void dump_lines(const std::string& label, const docpipe::Document& doc) {
  for (const auto& n : doc.numbers)
    std::printf("%s\tN\t%zu\t%zu\t%s\t%s\t%s\t%s\t%s\t%s\n", label.c_str(), n.span.begin, n.span.end, n.text.c_str(),
                number(n.value).c_str(), optional_number(n.value_high).c_str(), n.unit.c_str(), n.kind.c_str(),
                n.qualifier.c_str());
  for (const auto& i : doc.indicators)
    std::printf("%s\tI\t%zu\t%zu\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%zu\t%zu\t%d\n", label.c_str(), i.span.begin,
                i.span.end, i.name.c_str(), i.canonical.c_str(), i.period, i.status.c_str(), i.measure.c_str(),
                number(i.value).c_str(), optional_number(i.value_high).c_str(), i.unit.c_str(), i.qualifier.c_str(),
                i.sentence.begin, i.sentence.end, i.section);
  for (const auto& d : doc.diagnostics)
    std::printf("%s\tD\t%s\t%s\t%zu\t%zu\n", label.c_str(), d.code.c_str(), d.message.c_str(),
                d.span ? d.span->begin : 0, d.span ? d.span->end : 0);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : DOCPIPE_SHARED_DIR;
  const auto paths = corpus_paths(shared);
  if (paths.empty()) {
    std::fprintf(stderr, "no documents under %s\n", shared.string().c_str());
    return 1;
  }
  const bool totals = argc > 2 && std::string(argv[2]) == "--totals";
  std::size_t mentions = 0, facts = 0;
  auto dump = [&](const std::string& label, const docpipe::Document& doc) {
    mentions += doc.numbers.size();
    facts += doc.indicators.size();
    if (!totals) dump_lines(label, doc);
  };
  const auto& table = number_extract::IndicatorTable::builtin();
  for (const auto& p : paths) {
    const std::string text = read_file(p);
    const std::string name = p.filename().string();
    docpipe::Document alone;
    alone.text = text;
    number_extract::extract_numbers(alone, table);
    dump(name + "\town", alone);
    docpipe::Document given;
    given.text = text;
    given.sentences = cut_sentences(text);
    number_extract::extract_numbers(given, table);
    dump(name + "\tcut", given);
  }
  if (totals) std::printf("%zu documents, %zu mentions, %zu facts (both splits)\n", paths.size(), mentions, facts);
  return 0;
}
