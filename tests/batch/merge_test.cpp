// Shards of a run merged with `docpipe merge` must equal a single-machine run, and shards that do
// not fit together must be refused before anything is written.
#include <catch2/catch.hpp>

#include "batch_support.hpp"
#include "run_journal.hpp"
#include "shard.hpp"

using namespace docpipe::test;

namespace {

std::string exporting_pipeline() {
  return batch_config("  <stage plugin=\"test-good\"/>\n  <stage plugin=\"export-json\"/>\n  <stage plugin=\"export-jsonl\"/>\n"
                     "  <stage plugin=\"export-csv\"/>\n  <stage plugin=\"export-markdown\"/>\n  <stage plugin=\"export-html\"/>\n"
                     "  <stage plugin=\"export-sqlite\"/>\n");
}

}  // namespace

TEST_CASE("three shards merged equal one run over the whole input") {
  TempDir dir;
  corpus_subset(dir / "in", 20);
  write_file(dir / "p.xml", exporting_pipeline());
  const std::string config = (dir / "p.xml").string(), in = (dir / "in").string();
  REQUIRE(run_docpipe({"run", config, in, "-o", (dir / "single").string(), "-q"}, dir / "log") == 0);
  std::vector<std::string> merge{"merge"};
  std::size_t processed = 0;
  for (int i = 1; i <= 3; ++i) {
    const std::string out = (dir / ("shard" + std::to_string(i))).string();
    REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--shard", std::to_string(i) + "/3"}, dir / "log") == 0);
    const auto j = docpipe::engine::read_journal(docpipe::engine::journal_path(out));
    CHECK(j.last_run.size() > 0);
    CHECK(j.last_run.size() < 20);
    processed += j.last_run.size();
    merge.push_back(out);
  }
  CHECK(processed == 20);
  merge.insert(merge.end(), {"-o", (dir / "merged").string(), "-q"});
  REQUIRE(run_docpipe(merge, dir / "log") == 0);
  INFO(read_file(dir / "log"));
  const auto single = comparable_outputs(dir / "single");
  const auto merged = comparable_outputs(dir / "merged");
  CHECK(merged.size() == single.size());
  for (const auto& [file, content] : single) {
    INFO(file);
    REQUIRE(merged.count(file) == 1);
    CHECK(merged.at(file) == content);
  }
}

TEST_CASE("a Slurm array environment shards by default") {
  TempDir dir;
  corpus_subset(dir / "in", 10);
  write_file(dir / "p.xml", exporting_pipeline());
  ::setenv("SLURM_ARRAY_TASK_ID", "1", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "2", 1);
  const int code = run_docpipe({"run", (dir / "p.xml").string(), (dir / "in").string(), "-o", (dir / "out").string(), "-q"}, dir / "log");
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  ::unsetenv("SLURM_ARRAY_TASK_COUNT");
  REQUIRE(code == 0);
  const auto j = docpipe::engine::read_journal(docpipe::engine::journal_path(dir / "out"));
  CHECK(j.runs.back().shard == "2/2");
  const docpipe::engine::Shard second{1, 2};
  for (const auto& e : j.last_run) CHECK(second.contains(e.id));
}

TEST_CASE("merge refuses duplicate documents, unfinished shards and other pipelines, writing nothing") {
  TempDir dir;
  corpus_subset(dir / "in", 6);
  write_file(dir / "p.xml", exporting_pipeline());
  const std::string config = (dir / "p.xml").string(), in = (dir / "in").string();
  REQUIRE(run_docpipe({"run", config, in, "-o", (dir / "all").string(), "-q"}, dir / "log") == 0);
  REQUIRE(run_docpipe({"run", config, in, "-o", (dir / "half").string(), "-q", "--shard", "1/2"}, dir / "log") == 0);

  CHECK(run_docpipe({"merge", (dir / "all").string(), (dir / "half").string(), "-o", (dir / "m1").string()}, dir / "log1") == 2);
  CHECK_THAT(read_file(dir / "log1"), Catch::Contains("appear in more than one shard"));
  CHECK_FALSE(fs::exists(dir / "m1"));

  // A shard whose run was killed has no end line.
  const auto journal = docpipe::engine::journal_path(dir / "half");
  std::string text = read_file(journal);
  text = text.substr(0, text.rfind("end\t"));
  write_file(journal, text);
  CHECK(run_docpipe({"merge", (dir / "half").string(), "-o", (dir / "m2").string()}, dir / "log2") == 2);
  CHECK_THAT(read_file(dir / "log2"), Catch::Contains("did not finish"));

  write_file(dir / "q.xml", batch_config("  <stage plugin=\"test-good\"><param name=\"word\">政府</param></stage>\n"
                                        "  <stage plugin=\"export-jsonl\"/>\n"));
  CHECK(run_docpipe({"merge", (dir / "all").string(), "-o", (dir / "m3").string(), "--config", (dir / "q.xml").string()},
                    dir / "log3") == 2);
  CHECK_THAT(read_file(dir / "log3"), Catch::Contains("different pipeline"));
}
