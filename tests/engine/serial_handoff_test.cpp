#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "serial_handoff.hpp"

using docpipe::engine::SerialHandoff;

namespace {
struct Item {
  int id = 0;
  int ran_by = -1;  // worker that ran the section on it
};
}  // namespace

TEST_CASE("a worker that finds the section busy parks its item and returns; the busy thread runs it") {
  std::atomic<bool> a_inside{false}, b_returned{false};
  std::vector<Item> after_done;
  std::mutex after_mutex;
  SerialHandoff<Item> handoff(
      4,
      [&](int worker, Item& item) {
        item.ran_by = worker;
        if (item.id == 1) {  // the first item holds the section until the second was submitted
          a_inside = true;
          while (!b_returned) std::this_thread::yield();
        }
      },
      [&](int, Item& item) {
        std::lock_guard<std::mutex> lock(after_mutex);
        after_done.push_back(item);
      });
  std::thread a([&] { handoff.submit(0, Item{1}); });
  while (!a_inside) std::this_thread::yield();
  handoff.submit(1, Item{2});  // must not block: the section is busy until b_returned
  b_returned = true;
  a.join();
  REQUIRE(after_done.size() == 2);
  CHECK(after_done[0].id == 1);
  CHECK(after_done[1].id == 2);
  CHECK(after_done[1].ran_by == 0);  // run by the thread that was in the section
  CHECK(handoff.most_parked() == 1);
}

TEST_CASE("under contention every item runs once, one at a time, and at most the limit is parked") {
  constexpr int threads = 4, per_thread = 400;
  std::atomic<int> inside{0}, overlaps{0};
  std::vector<std::atomic<int>> sections(threads * per_thread), afters(threads * per_thread);
  std::atomic<int> after_before_section{0};
  SerialHandoff<Item> handoff(
      3,
      [&](int, Item& item) {
        if (inside.fetch_add(1) != 0) ++overlaps;
        ++sections[static_cast<std::size_t>(item.id)];
        for (int spin = 0; spin < 200; ++spin) std::atomic_signal_fence(std::memory_order_seq_cst);  // a little work
        --inside;
      },
      [&](int, Item& item) {
        if (sections[static_cast<std::size_t>(item.id)] == 0) ++after_before_section;
        ++afters[static_cast<std::size_t>(item.id)];
      });
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) handoff.submit(t, Item{t * per_thread + i});
    });
  for (auto& t : pool) t.join();
  CHECK(overlaps == 0);
  CHECK(after_before_section == 0);
  int wrong = 0;
  for (int i = 0; i < threads * per_thread; ++i) wrong += sections[static_cast<std::size_t>(i)] != 1 || afters[static_cast<std::size_t>(i)] != 1;
  CHECK(wrong == 0);
  CHECK(handoff.most_parked() <= 3);
}
