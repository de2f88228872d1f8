// The batch guarantees with the real default pipeline (configs/default.xml: encoding repair, section
// split, numbers, glossary and every exporter) over real reports: kill -9 + --resume and --isolate
// both give exactly the outputs of a plain run.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <thread>

#include "batch_support.hpp"

using namespace docpipe::test;

namespace {

const std::string default_config = (fs::path(DOCPIPE_SOURCE_DIR) / "configs" / "default.xml").string();

void check_same(const std::map<std::string, std::string>& expected, const std::map<std::string, std::string>& got) {
  CHECK(got.size() == expected.size());
  for (const auto& [file, content] : expected) {
    INFO(file);
    REQUIRE(got.count(file) == 1);
    CHECK(got.at(file) == content);
  }
}

}  // namespace

TEST_CASE("default pipeline: SIGKILL at random moments then --resume equals a plain run") {
  TempDir dir;
  corpus_subset(dir / "in", 30);
  const std::string in = (dir / "in").string();
  REQUIRE(run_docpipe({"run", default_config, in, "-o", (dir / "clean").string(), "-j", "2", "-q"}, dir / "log") == 0);
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(run_docpipe({"run", default_config, in, "-o", (dir / "timing").string(), "-j", "2", "-q"}, dir / "log") == 0);
  const int run_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count());
  std::random_device rd;
  const unsigned seed = rd();
  INFO("random seed " << seed << ", a run takes " << run_ms << " ms");
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> moment(0, std::max(1, run_ms));
  const fs::path killed = dir / "killed";
  for (int round = 0; round < 3; ++round) {
    std::vector<std::string> args{"run", default_config, in, "-o", killed.string(), "-j", "2", "-q"};
    if (round > 0) args.push_back("--resume");
    Child child = Child::start(args, dir / "log");
    std::this_thread::sleep_for(std::chrono::milliseconds(moment(random)));
    ::kill(child.pid, SIGKILL);
    child.wait();
  }
  REQUIRE(run_docpipe({"run", default_config, in, "-o", killed.string(), "-j", "2", "-q", "--resume"}, dir / "log") == 0);
  CHECK(temp_files(killed).empty());
  check_same(comparable_outputs(dir / "clean"), comparable_outputs(killed));
}

TEST_CASE("default pipeline: --isolate gives the outputs of an in-process run") {
  TempDir dir;
  corpus_subset(dir / "in", 12);
  const std::string in = (dir / "in").string();
  REQUIRE(run_docpipe({"run", default_config, in, "-o", (dir / "plain").string(), "-j", "2", "-q"}, dir / "log") == 0);
  REQUIRE(run_docpipe({"run", default_config, in, "-o", (dir / "isolated").string(), "-j", "2", "-q", "--isolate", "--timeout", "120"},
                      dir / "log") == 0);
  check_same(comparable_outputs(dir / "plain"), comparable_outputs(dir / "isolated"));
}
