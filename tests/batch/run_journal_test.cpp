// The journal must stay readable whatever moment the writer was killed at.
#include <catch2/catch.hpp>

#include "../engine/test_support.hpp"
#include "run_journal.hpp"

using namespace docpipe::engine;
using docpipe::test::TempDir;

TEST_CASE("the journal gives the last entry of each id and the last run's entries") {
  TempDir dir;
  const auto file = journal_path(dir.path());
  {
    RunJournal j(file, false, {"P1", "/c.xml", ""});
    j.record({JournalEntry::ok, "a", "ha", "P1"});
    j.record({JournalEntry::failed, "b", "hb", "P1"});
    j.end(1, 1, 0);
  }
  {
    RunJournal j(file, true, {"P1", "/c.xml", "2/4"});
    j.record({JournalEntry::ok, "b", "hb", "P1"});
  }
  const JournalContents c = read_journal(file);
  REQUIRE(c.runs.size() == 2);
  CHECK(c.runs.back().shard == "2/4");
  CHECK(c.latest.at("a").status == JournalEntry::ok);
  CHECK(c.latest.at("b").status == JournalEntry::ok);
  REQUIRE(c.last_run.size() == 1);
  CHECK(c.last_run[0].id == "b");
  CHECK_FALSE(c.last_run_ended);  // the second run never wrote its end line
  CHECK(c.torn_lines == 0);
}

TEST_CASE("a fresh journal forgets earlier runs") {
  TempDir dir;
  const auto file = journal_path(dir.path());
  { RunJournal(file, false, {"P1", "/c.xml", ""}).record({JournalEntry::ok, "a", "h", "P1"}); }
  { RunJournal(file, false, {"P2", "/c.xml", ""}); }
  const JournalContents c = read_journal(file);
  CHECK(c.runs.size() == 1);
  CHECK(c.latest.empty());
}

TEST_CASE("a torn last line and a damaged line are ignored, whole lines are kept") {
  TempDir dir;
  const auto file = journal_path(dir.path());
  {
    RunJournal j(file, false, {"P", "/c.xml", ""});
    j.record({JournalEntry::ok, "a", "h", "P"});
    j.record({JournalEntry::ok, "b", "h", "P"});
    j.end(2, 0, 15);
  }
  std::string text = docpipe::test::read_file(file);
  const std::size_t b_line = text.find("ok\tb");
  REQUIRE(b_line != std::string::npos);
  text[b_line + 3] = 'c';                       // b's line no longer matches its hash
  text += "ok\tz\th\tP\t0123";                   // a line cut short by a kill
  docpipe::test::write_file(file, text);
  const JournalContents c = read_journal(file);
  CHECK(c.latest.count("a") == 1);
  CHECK(c.latest.count("b") == 0);
  CHECK(c.latest.count("c") == 0);
  CHECK(c.latest.count("z") == 0);
  CHECK(c.torn_lines == 2);
  CHECK(c.last_run_ended);
  CHECK(c.last_run_interrupted);
}

TEST_CASE("a missing journal is an empty one") {
  TempDir dir;
  const JournalContents c = read_journal(journal_path(dir.path()));
  CHECK(c.runs.empty());
  CHECK(c.latest.empty());
}
