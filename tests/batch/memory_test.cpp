// Memory must not grow with the number of documents (one document in memory per worker, exporters
// writing as they go), and a huge document must be refused by the size limit before it is read.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include "batch_support.hpp"

using namespace docpipe::test;

namespace {

// Runs docpipe to the end; returns its exit code and peak resident set in kB.
std::pair<int, long> run_measured(const std::vector<std::string>& args, const fs::path& log) {
  Child child = Child::start(args, log);
  int status = 0;
  rusage usage{};
  ::wait4(child.pid, &status, 0, &usage);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), usage.ru_maxrss};
}

// @p n documents in one JSON Lines file, each a real report under its own id.
void write_corpus_jsonl(const fs::path& file, std::size_t n, const std::vector<std::string>& texts) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string escaped;
    for (char c : texts[i % texts.size()]) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') { escaped += "\\n"; continue; }
      if (c == '\r' || c == '\t') continue;
      escaped += c;
    }
    out += "{\"id\":\"doc" + std::to_string(i) + "\",\"text\":\"" + escaped + "\"}\n";
  }
  write_file(file, out);
}

}  // namespace

TEST_CASE("peak memory does not grow with the number of documents") {
  TempDir dir;
  std::vector<std::string> texts;
  for (const auto& f : corpus_subset(dir / "corpus", 10)) texts.push_back(read_file(f));
  const std::size_t n = 40;
  write_corpus_jsonl(dir / "small.jsonl", n, texts);
  write_corpus_jsonl(dir / "large.jsonl", 10 * n, texts);
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-good\"/>\n  <stage plugin=\"export-json\"/>\n"
                                        "  <stage plugin=\"export-jsonl\"/>\n  <stage plugin=\"export-csv\"/>\n"
                                        "  <stage plugin=\"export-sqlite\"/>\n"));
  const auto small = run_measured({"run", (dir / "p.xml").string(), (dir / "small.jsonl").string(), "-o",
                                   (dir / "out-small").string(), "-j", "2", "-q"}, dir / "log");
  const auto large = run_measured({"run", (dir / "p.xml").string(), (dir / "large.jsonl").string(), "-o",
                                   (dir / "out-large").string(), "-j", "2", "-q"}, dir / "log");
  INFO(read_file(dir / "log"));
  REQUIRE(small.first == 0);
  REQUIRE(large.first == 0);
  INFO("peak RSS " << small.second << " kB for " << n << " documents, " << large.second << " kB for " << 10 * n);
  // Ten times the documents (and input bytes) may cost some bookkeeping, not ten times the memory.
  CHECK(static_cast<double>(large.second) / static_cast<double>(small.second) < 1.5);
}

TEST_CASE("a 1 GB document is refused by the size limit without being read") {
  TempDir dir;
  // A sparse file: 1 GB long, no disk used, no line break.
  write_file(dir / "in" / "huge.txt", "");
  fs::resize_file(dir / "in" / "huge.txt", std::uintmax_t{1} << 30);
  write_file(dir / "in" / "small.txt", "一份正常的報告。");
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-good\"/>\n  <stage plugin=\"export-jsonl\"/>\n"));
  const auto result = run_measured({"run", (dir / "p.xml").string(), (dir / "in").string(), "-o", (dir / "out").string(), "-q"},
                                   dir / "log");
  const std::string log = read_file(dir / "log");
  INFO(log);
  CHECK(result.first == 1);
  CHECK_THAT(log, Catch::Contains("larger than the limit"));
  CHECK(result.second < 256 * 1024);  // kB: far below the document's size
  const std::string jsonl = read_file(dir / "out" / "documents.jsonl");
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 1);  // the small document went through

  // --max-bytes lowers the limit for everything.
  write_file(dir / "in2" / "mid.txt", std::string(3'000'000, 'x'));
  const auto limited = run_measured({"run", (dir / "p.xml").string(), (dir / "in2").string(), "-o", (dir / "out2").string(), "-q",
                                     "--max-bytes", "1000000"}, dir / "log2");
  CHECK(limited.first == 1);
  CHECK_THAT(read_file(dir / "log2"), Catch::Contains("larger than the limit"));
}
