// write_file_atomically and AtomicFile: a target is either its old content or the whole new one, and
// no temporary file outlives a write.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "docpipe/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("docpipe-atomic-test-" + std::to_string(::getpid()));
  Scratch() { fs::remove_all(dir); }
  ~Scratch() {
    std::error_code ec;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir, ec);
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("write_file_atomically creates missing folders and replaces a file whole", "[atomic_file]") {
  Scratch s;
  const fs::path target = s.dir / "a" / "b" / "doc.json";
  docpipe::write_file_atomically(target, "first");
  CHECK(read(target) == "first");
  const std::string big(3 << 20, 'x');  // more than one write() may take
  docpipe::write_file_atomically(target, big);
  CHECK(read(target) == big);
  CHECK(entries(target.parent_path()) == 1);  // no temporary file left beside it
}

TEST_CASE("write_file_atomically writes pieces as their concatenation, past the writev limit", "[atomic_file]") {
  Scratch s;
  const fs::path target = s.dir / "pieces" / "doc.dpdoc";
  // More pieces than one writev(2) takes (IOV_MAX is 1024 on Linux), empty ones among them, and a
  // large one that a single call may write only in part.
  std::vector<std::string> owned;
  for (int i = 0; i < 2500; ++i) owned.push_back(i % 7 == 0 ? std::string() : std::to_string(i) + ",");
  owned.push_back(std::string(3 << 20, 'y'));
  std::vector<std::string_view> pieces(owned.begin(), owned.end());
  docpipe::write_file_atomically(target, pieces);
  std::string joined;
  for (const std::string& p : owned) joined += p;
  CHECK(read(target) == joined);
  CHECK(entries(target.parent_path()) == 1);
  docpipe::write_file_atomically(target, std::span<const std::string_view>());
  CHECK(read(target).empty());
}

TEST_CASE("write_file_atomically names the path when it cannot write, and leaves the target as it was",
          "[atomic_file]") {
  if (::geteuid() == 0) {
    // root writes through permissions: a target inside a regular file fails for everyone instead.
    Scratch s;
    fs::create_directories(s.dir);
    docpipe::write_file_atomically(s.dir / "plain", "x");
    try {
      docpipe::write_file_atomically(s.dir / "plain" / "doc.json", "y");
      FAIL("no error");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find((s.dir / "plain" / "doc.json").string()) != std::string::npos);
    }
    CHECK(read(s.dir / "plain") == "x");
    CHECK(entries(s.dir) == 1);
    return;
  }
  Scratch s;
  fs::create_directories(s.dir);
  docpipe::write_file_atomically(s.dir / "doc.json", "old");
  fs::permissions(s.dir, fs::perms::owner_write, fs::perm_options::remove);
  CHECK_THROWS_WITH(docpipe::write_file_atomically(s.dir / "doc.json", "new"),
                    Catch::Contains((s.dir / "doc.json").string()));
  fs::permissions(s.dir, fs::perms::owner_write, fs::perm_options::add);
  CHECK(read(s.dir / "doc.json") == "old");
  CHECK(entries(s.dir) == 1);
}

TEST_CASE("an AtomicFile dropped without commit leaves the target untouched", "[atomic_file]") {
  Scratch s;
  const fs::path target = s.dir / "out.txt";
  docpipe::write_file_atomically(target, "kept");
  {
    docpipe::AtomicFile f(target);
    f.write("half a fi");
  }
  CHECK(read(target) == "kept");
  CHECK(entries(s.dir) == 1);
  // Like write_file_atomically, it creates the folders it needs.
  docpipe::AtomicFile g(s.dir / "new" / "out.txt");
  g.write("whole");
  g.commit();
  CHECK(read(s.dir / "new" / "out.txt") == "whole");
}
