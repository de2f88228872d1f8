// Shards must split any id list into disjoint, complete parts that do not depend on the machine,
// the order of inputs or their number.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "shard.hpp"

using namespace docpipe::engine;

TEST_CASE("every id falls in exactly one shard, and shards are roughly even") {
  for (int n : {1, 2, 3, 4, 7}) {
    std::vector<int> sizes(static_cast<std::size_t>(n), 0);
    for (int i = 0; i < 2000; ++i) {
      const std::string id = "city_" + std::to_string(i * 7919) + "_2024";
      int owners = 0;
      for (int s = 0; s < n; ++s)
        if (Shard{s, n}.contains(id)) {
          ++owners;
          ++sizes[static_cast<std::size_t>(s)];
        }
      REQUIRE(owners == 1);
    }
    for (int size : sizes) CHECK(std::abs(size - 2000 / n) < 2000 / n / 4 + 10);
  }
}

TEST_CASE("shard membership depends on the id only (a known value pins the hash across machines)") {
  // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; modulo 4 that is 0.
  CHECK(Shard{0, 4}.contains("a"));
  CHECK_FALSE(Shard{1, 4}.contains("a"));
}

TEST_CASE("a shard given as I/N is parsed 1-based and checked") {
  const Shard s = parse_shard("2/8");
  CHECK(s.index == 1);
  CHECK(s.count == 8);
  CHECK(s.label() == "2/8");
  for (const char* bad : {"0/4", "5/4", "1/0", "x/2", "1", "1/2/3", "-1/2", "1/ 2", ""})
    CHECK_THROWS_AS(parse_shard(bad), std::invalid_argument);
}

TEST_CASE("a Slurm array task gives the shard, whatever its first id") {
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  ::unsetenv("SLURM_ARRAY_TASK_COUNT");
  ::unsetenv("SLURM_ARRAY_TASK_MIN");
  CHECK_FALSE(shard_from_slurm_environment());
  ::setenv("SLURM_ARRAY_TASK_ID", "3", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "4", 1);
  auto s = shard_from_slurm_environment();
  REQUIRE(s);
  CHECK(s->index == 3);
  CHECK(s->count == 4);
  ::setenv("SLURM_ARRAY_TASK_MIN", "1", 1);
  ::setenv("SLURM_ARRAY_TASK_ID", "4", 1);
  s = shard_from_slurm_environment();
  REQUIRE(s);
  CHECK(s->index == 3);
  ::setenv("SLURM_ARRAY_TASK_ID", "9", 1);
  CHECK_THROWS_AS(shard_from_slurm_environment(), std::invalid_argument);
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  ::unsetenv("SLURM_ARRAY_TASK_COUNT");
  ::unsetenv("SLURM_ARRAY_TASK_MIN");
}
