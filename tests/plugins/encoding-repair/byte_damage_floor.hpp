#pragma once
// Regression floors on generated damage (utf8_byte_damage.hpp): the same five held-out reports and
// the same seeds as `bench_encoding_repair --utf8-loss`, so a floor here and a row there agree.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "repairer.hpp"
#include "test_support.hpp"
#include "training_split.hpp"
#include "utf8_byte_damage.hpp"

namespace encoding_repair::test {

/// The first five reports (in file order) held out of the character model's training.
inline std::vector<std::string> held_out_five() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < files.size() && out.size() < 5; ++i)
    if (held_out_of_training(i)) out.push_back(read_file(files[i]));
  return out;
}

/// The text the stage (default settings) makes of @p raw.
inline std::string stage_text(std::string raw) {
  docpipe::Document d = raw_document(std::move(raw));
  Repairer(RepairSettings{}).process(d);
  return d.text;
}

/// Of 20 copies of each of @p reports with one @p kind damage each, how many the stage reads back to
/// its text for the clean report (@p clean, stage_text of each); @p damaged counts the damage made.
inline int read_back_exactly(const std::vector<std::string>& reports, const std::vector<std::string>& clean,
                             bench::ByteDamage kind, int& damaged) {
  int exact = 0;
  damaged = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    for (std::uint32_t copy = 0; copy < 20; ++copy) {
      std::size_t n = 0;
      const std::string raw = bench::damage_utf8(reports[i], kind, 1, copy * 7919u + static_cast<std::uint32_t>(i), n);
      damaged += static_cast<int>(n);
      exact += stage_text(raw) == clean[i];
    }
  }
  return exact;
}

/// A kind of damage and the fewest documents of 100 (20 copies of each of held_out_five()) the stage
/// must read back exactly.
struct Floor {
  bench::ByteDamage kind;
  int exact;
};

/// Checks each floor of @p floors, saying how many came back.
inline void check_floors(std::initializer_list<Floor> floors) {
  const auto reports = held_out_five();
  REQUIRE(reports.size() == 5);
  std::vector<std::string> clean;
  for (const std::string& r : reports) clean.push_back(stage_text(r));
  for (const Floor& f : floors) {
    int damaged = 0;
    const int exact = read_back_exactly(reports, clean, f.kind, damaged);
    WARN(bench::name(f.kind) << ": " << exact << " of " << damaged << " read back exactly");
    CHECK(damaged == 100);
    CHECK(exact >= f.exact);
  }
}

}  // namespace encoding_repair::test
