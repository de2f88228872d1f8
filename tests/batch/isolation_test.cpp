// --isolate: a plugin that segfaults, aborts, exits, loops or allocates without end fails only the
// document it was given, with the signal or limit named, and the batch goes on with a new worker.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <Poco/JSON/Parser.h>

#include "batch_support.hpp"

using namespace docpipe::test;

namespace {

struct Failure {
  std::string stage, error;
};

std::map<std::string, Failure> failures_of(const fs::path& report) {
  auto root = Poco::JSON::Parser().parse(read_file(report)).extract<Poco::JSON::Object::Ptr>();
  std::map<std::string, Failure> out;
  auto list = root->getArray("failures");
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto f = list->getObject(static_cast<unsigned>(i));
    out[f->getValue<std::string>("id")] = {f->getValue<std::string>("stage"), f->getValue<std::string>("error")};
  }
  return out;
}

std::size_t line_count(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("isolated workers contain crashes, aborts, exits, hangs and memory exhaustion") {
  TempDir dir;
  const fs::path in = dir / "in";
  write_file(in / "a_good.txt", "第一份報告。");
  write_file(in / "b_crash.txt", "CRASH 報告");
  write_file(in / "c_good.txt", "第二份報告。");
  write_file(in / "d_hang.txt", "HANG");
  write_file(in / "e_hog.txt", "HOG");
  write_file(in / "f_abort.txt", "ABORT");
  write_file(in / "g_exit.txt", "EXIT");
  write_file(in / "h_good.txt", "第三份報告。");
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-misbehave\"/>\n  <stage plugin=\"test-good\"/>\n"
                                        "  <stage plugin=\"export-jsonl\"/>\n"));
  const fs::path out = dir / "out";
  const int code = run_docpipe({"run", (dir / "p.xml").string(), in.string(), "-o", out.string(), "-j", "2", "--isolate",
                                "--timeout", "10", "--memory-limit", "256"},
                               dir / "log");
  INFO(read_file(dir / "log"));
  REQUIRE(code == 1);
  const auto failures = failures_of(out / "run-report.json");
  CHECK(failures.size() == 5);
  CHECK(failures.at("b_crash").stage == "worker");
  CHECK_THAT(failures.at("b_crash").error, Catch::Contains("SIGSEGV"));
  CHECK_THAT(failures.at("d_hang").error, Catch::Contains("time limit of 10 s exceeded"));
  CHECK_THAT(failures.at("e_hog").error, Catch::Contains("memory limit of 256 MB exceeded"));
  CHECK_THAT(failures.at("f_abort").error, Catch::Contains("SIGABRT"));
  CHECK_THAT(failures.at("g_exit").error, Catch::Contains("exited with status 7"));
  // The good documents went through both analysis stages in a worker and the exporter in the parent.
  const std::string jsonl = read_file(out / "documents.jsonl");
  CHECK(line_count(jsonl) == 3);
  CHECK(jsonl.find("\"test-word\"") != std::string::npos);
  CHECK(jsonl.find("\"id\":\"h_good\"") != std::string::npos);
  CHECK(temp_files(out).empty());
}

TEST_CASE("isolated runs give the same outputs as in-process runs") {
  TempDir dir;
  corpus_subset(dir / "in", 6);
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-good\"/>\n  <stage plugin=\"export-jsonl\"/>\n"
                                        "  <stage plugin=\"export-json\"/>\n"));
  REQUIRE(run_docpipe({"run", (dir / "p.xml").string(), (dir / "in").string(), "-o", (dir / "a").string(), "-j", "2"}, dir / "log") == 0);
  REQUIRE(run_docpipe({"run", (dir / "p.xml").string(), (dir / "in").string(), "-o", (dir / "b").string(), "-j", "2", "--isolate"},
                      dir / "log") == 0);
  const auto a = comparable_outputs(dir / "a");
  CHECK(a.size() == 7);
  CHECK(comparable_outputs(dir / "b") == a);
}

TEST_CASE("a worker whose stages cannot start stops the run with a usage error") {
  TempDir dir;
  write_file(dir / "in.txt", "報告");
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-throws\"><param name=\"fail-at-start\">true</param></stage>\n"));
  const int code = run_docpipe({"run", (dir / "p.xml").string(), (dir / "in.txt").string(), "-o", (dir / "out").string(), "--isolate"},
                               dir / "log");
  CHECK(code == 2);
  CHECK_THAT(read_file(dir / "log"), Catch::Contains("refusing to start as configured"));
}

TEST_CASE("limits without --isolate are refused") {
  TempDir dir;
  write_file(dir / "in.txt", "報告");
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-good\"/>\n"));
  CHECK(run_docpipe({"run", (dir / "p.xml").string(), (dir / "in.txt").string(), "--timeout", "5"}, dir / "log") == 2);
  CHECK_THAT(read_file(dir / "log"), Catch::Contains("need --isolate"));
}

TEST_CASE("SIGTERM abandons a document stuck in its worker after a grace period and exits 143") {
  TempDir dir;
  write_file(dir / "in" / "a_hang.txt", "HANG");
  write_file(dir / "p.xml", batch_config("  <stage plugin=\"test-misbehave\"/>\n  <stage plugin=\"export-jsonl\"/>\n"));
  const fs::path out = dir / "out";
  Child child = Child::start({"run", (dir / "p.xml").string(), (dir / "in").string(), "-o", out.string(), "--isolate"}, dir / "log");
  // Signal only once the worker is up and has had time to take the document.
  REQUIRE(wait_until([&] { return has_child_process(child.pid); }));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ::kill(child.pid, SIGTERM);
  const auto t0 = std::chrono::steady_clock::now();
  const int code = child.wait();
  INFO(read_file(dir / "log"));
  CHECK(code == 143);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(15));
  CHECK_THAT(failures_of(out / "run-report.json").at("a_hang").error, Catch::Contains("abandoned"));
}
