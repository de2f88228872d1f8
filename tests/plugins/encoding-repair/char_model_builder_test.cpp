#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "char_model.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace encoding_repair;

namespace {
/// The model builder, built next to the docpipe executable.
fs::path builder() { return fs::path(DOCPIPE_BINARY).parent_path() / "docpipe-build-charmodel"; }

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

/// A scratch folder, removed when the test ends.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string name = "docpipe-charmodel-test-";
    name += std::to_string(::getpid());
    dir = fs::temp_directory_path() / name;
    fs::create_directories(dir / "reports");
  }
  ~Scratch() { fs::remove_all(dir); }
};

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("the model builder names the Debian package of a missing word list") {
  Scratch s;
  write(s.dir / "reports" / "a.txt", "经济社会发展。\n");
  const std::string out = (s.dir / "err.txt").string();
  CHECK(run(builder().string() + " " + (s.dir / "reports").string() + " " + (s.dir / "m.bin").string() + " " +
            (s.dir / "no-essay.txt").string() + " " + (s.dir / "no-dict.txt").string() + " 2> " + out) == 1);
  const std::string message = test::read_file(out);
  CHECK(message.find("no-essay.txt") != std::string::npos);
  CHECK(message.find("apt-get install rime-essay") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "m.bin"));
}

TEST_CASE("the model builder learns pairs from the word lists that the reports never have") {
  Scratch s;
  // Five reports (the fifth is held out), written for this test; neither word list word occurs.
  for (int i = 0; i < 5; ++i)
    write(s.dir / "reports" / fs::path(std::to_string(i)).replace_extension(".txt"), "今年以来，我们坚持稳中求进，推动高质量发展，学校建设取得新成效。\n");
  // 择校 in jieba's format (simplified), 擇校 in rime-essay's (traditional); entries that are not
  // wholly Chinese characters are left out.
  write(s.dir / "essay.txt", "擇校\t756\n學校\t900\nAT&T\t5\n");
  write(s.dir / "dict.txt", "择校 52 v\n学校 100 n\nB超 3 n\n");
  const fs::path model_file = s.dir / "m.bin";
  REQUIRE(run(builder().string() + " " + (s.dir / "reports").string() + " " + model_file.string() + " " +
              (s.dir / "essay.txt").string() + " " + (s.dir / "dict.txt").string() + " 2> /dev/null") == 0);
  const std::string blob = test::read_file(model_file);
  const CharModel m(blob);
  CHECK(m.known(U'择'));
  CHECK(m.known(U'擇'));
  CHECK_FALSE(m.known(U'超'));
  // The lexicon's pair beats the same characters in an order nobody wrote.
  CHECK(m.score(U'择', U'校') > m.score(U'择', U'学'));
  CHECK(m.score(U'擇', U'校') > m.score(U'擇', U'學'));
  // The reports still decide where they know the context: a comma after 展 as they write it.
  CHECK(m.score(U'发', U'展', U'，') > m.score(U'发', U'展', U'学'));
}
