// Throughput of the data exporters over the 195 real reports of the shared corpus.
//
// The analysis stages are other plugins (and plugins never depend on each other), so the layers are
// filled here with a density like theirs: paragraphs at line breaks, sentences at '。', a number
// mention for every digit run (with a following % or 亿元/万元), a section per line that starts with
// a Chinese numeral and '、', an indicator for every percent figure, a repair every 2 KB and an
// annotation per paragraph. Throughput is input text MB per second of process CPU time (user +
// system, so file writes count), which stays meaningful on a machine shared with other builds; the
// baseline is measured the same way in the same process.
//
// Usage: bench_export_data [corpus folder] [rounds] [only: run the lines whose name contains this]

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "csv_exporter.hpp"
#include "docpipe/atomic_file.hpp"
#include "docpipe/export/document_json.hpp"
#include "docpipe/export/text_offsets.hpp"
#include "json_file_exporter.hpp"
#include "jsonl_exporter.hpp"
#include "sqlite_store.hpp"

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

docpipe::Document make_document(const std::filesystem::path& path) {
  docpipe::Document d;
  d.id = path.stem().string();
  d.source = path.string();
  d.raw = read(path);
  d.text = d.raw;
  d.source_map = docpipe::SourceMap::identity(d.text.size());
  d.encoding = {"UTF-8", 1.0, false};
  d.metadata.title = d.id;
  const std::string& t = d.text;
  for (std::size_t start = 0; start < t.size();) {
    std::size_t end = std::min(t.find('\n', start), t.size());
    if (end > start) {
      d.paragraphs.push_back({start, end});
      d.annotations.push_back({{start, end}, "paragraph-kind", {{"kind", "body"}}, "bench"});
      const std::string_view line(t.data() + start, end - start);
      for (const char* numeral : {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"})
        if (starts_with(line, numeral)) d.sections.push_back({1, numeral, "", "body", {start, end}, {start, end}, -1});
      for (std::size_t s = start; s < end;) {
        std::size_t stop = t.find("。", s);
        stop = stop == std::string::npos || stop >= end ? end : stop + 3;
        d.sentences.push_back({s, stop});
        s = stop;
      }
    }
    start = end + 1;
  }
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] < '0' || t[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.')) ++j;
    std::string unit;
    std::string kind = "cardinal";
    if (j < t.size() && t[j] == '%') {
      ++j;
      unit = "%";
      kind = "percent";
    } else if (starts_with(std::string_view(t).substr(j), "亿元") || starts_with(std::string_view(t).substr(j), "万元")) {
      j += 6;
      unit = "CNY";
      kind = "money";
    }
    const std::string surface = t.substr(i, j - i);
    d.numbers.push_back({{i, j}, surface, std::atof(surface.c_str()), {}, unit, kind, ""});
    if (kind == "percent")
      d.indicators.push_back({"指标", "", 0, "actual", "growth", d.numbers.back().value, {}, "%", "", {i, j}, {i, j}, -1});
    i = j;
  }
  for (std::size_t at = 2048; at < t.size(); at += 2048) {
    while (at < t.size() && (static_cast<unsigned char>(t[at]) & 0xC0) == 0x80) ++at;
    d.repairs.push_back({{at, at}, at, at + 1, "\\x80", "", "control", 0.9, "bench", ""});
  }
  return d;
}

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <class Fn>
double seconds(Fn&& fn) {
  const double start = cpu_now();
  fn();
  return cpu_now() - start;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path corpus = argc > 1 ? argv[1] : DOCPIPE_SHARED_DIR "/corpus/reports";
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const std::string only = argc > 3 ? argv[3] : "";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(corpus))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<docpipe::Document> docs;
  std::size_t bytes = 0, spans = 0;
  for (const auto& f : files) {
    docs.push_back(make_document(f));
    bytes += docs.back().text.size();
    spans += docs.back().paragraphs.size() + docs.back().sentences.size() + docs.back().numbers.size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu documents, %.2f MB, %zu paragraphs+sentences+numbers, %d rounds (best of)\n",
              docs.size(), mb, spans, rounds);
  const auto out = std::filesystem::temp_directory_path() / ("bench-export-data-" + std::to_string(::getpid()));

  auto best = [&](const char* name, auto&& run, double baseline) {
    double t = 1e30;
    if (baseline > 0 && std::string(name).find(only) == std::string::npos) return t;
    for (int r = 0; r < rounds; ++r) {
      std::filesystem::remove_all(out);
      t = std::min(t, seconds(run));
    }
    std::printf("%-34s %8.1f MB/s (CPU)", name, mb / t);
    if (baseline > 0) std::printf("   %5.2fx the time of the baseline", t / baseline);
    std::printf("\n");
    return t;
  };

  // Baseline: writing each document's bare text to its own file (the floor for any exporter that
  // publishes the text).
  const double base = best("baseline: write text, file per doc", [&] {
    for (const auto& d : docs) docpipe::write_file_atomically(out / "raw" / (d.id + ".txt"), d.text);
  }, 0);

  std::size_t sink = 0;
  best("offsets: CodepointIndex (SDK)", [&] {
    for (const auto& d : docs) {
      const docpipe::CodepointIndex at(d.text);
      for (const auto& n : d.numbers) sink += at.to_codepoint(n.span.begin) + at.to_codepoint(n.span.end);
      for (const auto& s : d.sentences) sink += at.to_codepoint(s.begin) + at.to_codepoint(s.end);
    }
  }, base);
  best("offsets: exporting::TextOffsets", [&] {
    for (const auto& d : docs) {
      const docpipe::exporting::TextOffsets at(d.text);
      for (const auto& n : d.numbers) sink += at.to_codepoint(n.span.begin) + at.to_codepoint(n.span.end);
      for (const auto& s : d.sentences) sink += at.to_codepoint(s.begin) + at.to_codepoint(s.end);
    }
  }, base);
  best("document_to_json (in memory)", [&] {
    for (const auto& d : docs) sink += docpipe::exporting::document_to_json(d).size();
  }, base);
  best("export-json (pretty files)", [&] {
    export_json::JsonFileExporter e(out / "json", true);
    for (const auto& d : docs) e.write(d);
  }, base);
  best("export-json (compact files)", [&] {
    export_json::JsonFileExporter e(out / "json", false);
    for (const auto& d : docs) e.write(d);
  }, base);
  best("export-jsonl", [&] {
    export_jsonl::JsonlExporter e(out / "documents.jsonl");
    for (const auto& d : docs) e.add(d);
    e.commit();
  }, base);
  best("export-csv", [&] {
    export_csv::CsvExporter e(out / "csv", {});
    for (const auto& d : docs) e.add(d);
    e.commit();
  }, base);
  best("export-sqlite (new database)", [&] {
    export_sqlite::SqliteStore e(out / "docpipe.sqlite");
    for (const auto& d : docs) e.add(d);
    e.commit();
  }, base);
  // A re-run over an existing store: every document's rows are deleted and inserted again.
  if (std::string("export-sqlite (replace all rows)").find(only) != std::string::npos) {
    std::filesystem::remove_all(out);
    {
      export_sqlite::SqliteStore e(out / "keep" / "docpipe.sqlite");
      for (const auto& d : docs) e.add(d);
      e.commit();
    }
    double t = 1e30;
    for (int r = 0; r < rounds; ++r) {
      t = std::min(t, seconds([&] {
        export_sqlite::SqliteStore e(out / "keep" / "docpipe.sqlite");
        for (const auto& d : docs) e.add(d);
        e.commit();
      }));
    }
    std::printf("%-34s %8.1f MB/s (CPU)   %5.2fx the time of the baseline\n", "export-sqlite (replace all rows)", mb / t, t / base);
  }
  std::filesystem::remove_all(out);
  return sink == 42 ? 1 : 0;  // keeps the offset loops from being optimized away
}
