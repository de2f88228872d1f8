// Killing a run at any moment and resuming it must give the outputs of a clean run: nothing lost,
// nothing done twice, no partial file, no duplicate row in the appended exports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "batch_support.hpp"
#include "run_journal.hpp"

using namespace docpipe::test;
using docpipe::engine::JournalEntry;
using docpipe::engine::journal_path;
using docpipe::engine::read_journal;

namespace {

// Every exporter, after a slow analysis stage so that a kill can land in the middle of the batch.
std::string exporting_pipeline(int delay_ms) {
  return batch_config("  <stage plugin=\"test-misbehave\"><param name=\"delay-ms\">" + std::to_string(delay_ms) +
                     "</param></stage>\n  <stage plugin=\"test-good\"/>\n"
                     "  <stage plugin=\"export-json\"/>\n  <stage plugin=\"export-jsonl\"/>\n  <stage plugin=\"export-csv\"/>\n"
                     "  <stage plugin=\"export-markdown\"/>\n  <stage plugin=\"export-html\"/>\n  <stage plugin=\"export-sqlite\"/>\n");
}

// The checkpoint packs of @p out, by name.
std::vector<std::string> packs(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out / ".docpipe" / "checkpoints"))
    if (e.path().extension() == ".dpk") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::size_t count_status(const docpipe::engine::JournalContents& j, JournalEntry::Status s) {
  return static_cast<std::size_t>(std::count_if(j.last_run.begin(), j.last_run.end(), [&](const auto& e) { return e.status == s; }));
}

// Documents the journal says are done (ok or kept, latest entry per id).
std::size_t done_in_journal(const fs::path& out) {
  std::size_t n = 0;
  for (const auto& [id, e] : read_journal(journal_path(out)).latest) n += e.status != JournalEntry::failed;
  return n;
}

}  // namespace

TEST_CASE("SIGKILL at random moments, then --resume, gives the outputs of a clean run") {
  TempDir dir;
  const std::size_t documents = 24;
  corpus_subset(dir / "in", documents);
  write_file(dir / "p.xml", exporting_pipeline(60));
  const std::string config = (dir / "p.xml").string(), in = (dir / "in").string();
  const fs::path clean = dir / "clean", killed = dir / "killed";
  const auto clean_start = std::chrono::steady_clock::now();
  REQUIRE(run_docpipe({"run", config, in, "-o", clean.string(), "-j", "2", "-q"}, dir / "log") == 0);
  const auto clean_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - clean_start).count();
  const auto expected = comparable_outputs(clean);
  REQUIRE(expected.count("documents.jsonl") == 1);

  std::random_device rd;
  const unsigned seed = rd();
  INFO("random seed " << seed);
  std::mt19937 random(seed);
  // Kill moments fall inside the time a whole run takes on this machine, so the first kill always
  // lands mid-run however fast or loaded the machine is; later rounds have less left to do.
  std::uniform_int_distribution<int> moment_ms(10, std::max<int>(20, static_cast<int>(clean_ms * 7 / 10)));
  std::size_t kills = 0;
  for (int round = 0; round < 5; ++round) {
    std::vector<std::string> args{"run", config, in, "-o", killed.string(), "-j", "2", "-q"};
    if (round > 0) args.push_back("--resume");
    Child child = Child::start(args, dir / "log");
    const int at = moment_ms(random);
    std::this_thread::sleep_for(std::chrono::milliseconds(at));
    ::kill(child.pid, SIGKILL);
    const int code = child.wait();
    kills += code == 128 + SIGKILL;
    UNSCOPED_INFO("round " << round << ": killed after " << at << " ms, exit " << code << ", done so far "
                           << done_in_journal(killed));
  }
  const std::size_t done_before = done_in_journal(killed);
  REQUIRE(run_docpipe({"run", config, in, "-o", killed.string(), "-j", "2", "-q", "--resume"}, dir / "log") == 0);
  INFO(read_file(dir / "log"));
  CHECK(kills > 0);
  const auto journal = read_journal(journal_path(killed));
  CHECK(journal.last_run_ended);
  // Nothing done twice: every document the killed runs finished was reused, the rest processed once.
  CHECK(count_status(journal, JournalEntry::kept) == done_before);
  CHECK(count_status(journal, JournalEntry::ok) == documents - done_before);
  CHECK(temp_files(killed).empty());
  const auto got = comparable_outputs(killed);
  CHECK(got.size() == expected.size());
  for (const auto& [file, content] : expected) {
    INFO(file);
    REQUIRE(got.count(file) == 1);
    CHECK(got.at(file) == content);
  }
}

TEST_CASE("a resumed run reprocesses a changed input and everything after a pipeline change") {
  TempDir dir;
  const auto files = corpus_subset(dir / "in", 5);
  write_file(dir / "p.xml", exporting_pipeline(0));
  const std::string config = (dir / "p.xml").string(), in = (dir / "in").string(), out = (dir / "out").string();
  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q"}, dir / "log") == 0);
  const auto first_packs = packs(out);
  CHECK(first_packs.size() == 1);

  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--resume"}, dir / "log") == 0);
  auto j = read_journal(journal_path(out));
  CHECK(count_status(j, JournalEntry::kept) == 5);
  CHECK(count_status(j, JournalEntry::ok) == 0);
  CHECK(packs(out) == first_packs);  // nothing redone, nothing written

  write_file(files[2], read_file(files[2]) + "\n補充一句。\n");
  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--resume"}, dir / "log") == 0);
  j = read_journal(journal_path(out));
  CHECK(count_status(j, JournalEntry::kept) == 4);
  REQUIRE(count_status(j, JournalEntry::ok) == 1);
  const auto changed = std::find_if(j.last_run.begin(), j.last_run.end(), [](const auto& e) { return e.status == JournalEntry::ok; });
  CHECK(changed->id == files[2].stem().string());
  CHECK(read_file(fs::path(out) / "documents.jsonl").find("補充一句") != std::string::npos);
  // The redone document went to a pack of this run; the first pack still serves the other four.
  CHECK(packs(out).size() == 2);

  // A different parameter is a different pipeline: nothing may be reused.
  write_file(dir / "p.xml", exporting_pipeline(1));
  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--resume"}, dir / "log") == 0);
  j = read_journal(journal_path(out));
  CHECK(count_status(j, JournalEntry::kept) == 0);
  CHECK(count_status(j, JournalEntry::ok) == 5);
  // Every earlier record is superseded: the resumed run compacted the packs into one.
  CHECK(packs(out).size() == 1);
  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--resume"}, dir / "log") == 0);
  CHECK(count_status(read_journal(journal_path(out)), JournalEntry::kept) == 5);

  // A run without --resume starts the journal afresh and removes the packs it can no longer use.
  const auto before_fresh = packs(out);
  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q"}, dir / "log") == 0);
  const auto fresh = packs(out);
  REQUIRE(fresh.size() == 1);
  CHECK(fresh != before_fresh);
  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--resume"}, dir / "log") == 0);
  CHECK(count_status(read_journal(journal_path(out)), JournalEntry::kept) == 5);
}

TEST_CASE("SIGTERM stops taking documents, finishes cleanly and exits 143; --resume completes") {
  TempDir dir;
  corpus_subset(dir / "in", 8);
  write_file(dir / "p.xml", exporting_pipeline(300));
  const std::string config = (dir / "p.xml").string(), in = (dir / "in").string(), out = (dir / "out").string();
  Child child = Child::start({"run", config, in, "-o", out, "-j", "1", "-q"}, dir / "log");
  // Signal once the first document is done (a loaded machine may take a while to start).
  REQUIRE(wait_until([&] { return done_in_journal(out) >= 1; }));
  ::kill(child.pid, SIGTERM);
  const auto t0 = std::chrono::steady_clock::now();
  const int code = child.wait();
  INFO(read_file(dir / "log"));
  CHECK(code == 143);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  const auto j = read_journal(journal_path(out));
  CHECK(j.last_run_ended);
  CHECK(j.last_run_interrupted);
  const std::size_t done = j.last_run.size();
  CHECK(done >= 1);
  CHECK(done < 8);
  // The exporters committed what was done, consistent with the journal.
  const std::string partial = read_file(fs::path(out) / "documents.jsonl");
  CHECK(static_cast<std::size_t>(std::count(partial.begin(), partial.end(), '\n')) == done);
  CHECK_THAT(read_file(dir / "log"), Catch::Contains("--resume"));

  REQUIRE(run_docpipe({"run", config, in, "-o", out, "-q", "--resume", "-j", "2"}, dir / "log") == 0);
  const auto after = read_journal(journal_path(out));
  CHECK(count_status(after, JournalEntry::kept) == done);
  CHECK(count_status(after, JournalEntry::ok) == 8 - done);
  const std::string jsonl = read_file(fs::path(out) / "documents.jsonl");
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 8);
}
