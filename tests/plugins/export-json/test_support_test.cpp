// The export tests' scratch folders leave nothing behind in the temp folder.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("a RunFolder removes its folder and everything in it when it goes") {
  fs::path path;
  {
    const test_support::RunFolder folder;
    path = folder.path();
    fs::create_directories(path / "sub");
    std::ofstream(path / "sub" / "file.txt") << "content";
    REQUIRE(fs::exists(path / "sub" / "file.txt"));
  }
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("scratch folders are fresh, empty and inside this program's run folder") {
  const fs::path dir = test_support::scratch_folder("support-test");
  std::ofstream(dir / "left-over.txt") << "x";
  const fs::path again = test_support::scratch_folder("support-test");
  CHECK(again == dir);
  CHECK(test_support::entries_in(again) == 0);
  CHECK(again.parent_path() == test_support::run_folder());
}
