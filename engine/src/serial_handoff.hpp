#pragma once
// Hand-off to the serialized part of a pipeline (stages whose one instance is shared by every worker
// thread) without making a worker wait idle for it.

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace docpipe::engine {

/// Runs items through a section that only one thread may be in at a time, submitted from several
/// worker threads. A worker that finds the section busy parks its item and goes back to its own
/// work (the next document's analysis) instead of blocking; whichever thread is in the section runs
/// the parked items before it leaves. So a slow serialized exporter (one SQLite database) overlaps
/// with the other workers' analysis instead of stalling them, which is what lets a run scale to the
/// second core. At most @p max_parked items wait; past that a worker blocks as with a plain mutex,
/// which keeps memory bounded when the section is slower than everything else.
///
/// Every submitted item is run exactly once, by some thread that submits (no thread of its own):
/// a thread parks an item and then tries the section, and a thread leaving the section looks for
/// parked items after it released it, so an item cannot be left behind between the two.
template <class Item>
class SerialHandoff {
 public:
  /// @p in_section(worker, item) is the section's work, called with the section held by the thread
  /// whose worker index is @p worker; @p after(worker, item) then runs on the same thread once it
  /// left the section (to carry the item on: later stages, the journal).
  SerialHandoff(std::size_t max_parked, std::function<void(int worker, Item& item)> in_section,
                std::function<void(int worker, Item& item)> after)
      : max_parked_(std::max<std::size_t>(1, max_parked)), in_section_(std::move(in_section)), after_(std::move(after)) {}

  /// Runs @p item through the section now, or parks it for the thread in the section. An exception
  /// from the callbacks propagates to the thread that ran them, and items parked behind it are not
  /// run: a throwing callback is meant to end the whole batch.
  void submit(int worker, Item item) {
    std::unique_lock<std::mutex> section(section_, std::try_to_lock);
    if (!section.owns_lock()) {
      bool parked = false;
      {
        std::lock_guard<std::mutex> lock(parked_mutex_);
        if (parked_.size() < max_parked_) {
          parked_.push_back(std::move(item));
          most_parked_ = std::max(most_parked_, parked_.size());
          parked = true;
        }
      }
      if (parked) {
        // Whoever is in the section runs it, or this thread if the section is free by now.
        if (section.try_lock()) run_and_leave(worker, section, std::nullopt);
        return;
      }
      section.lock();
    }
    run_and_leave(worker, section, std::move(item));
  }

  /// Most items that were parked at once so far (for tests and statistics).
  std::size_t most_parked() const {
    std::lock_guard<std::mutex> lock(parked_mutex_);
    return most_parked_;
  }

 private:
  void run_and_leave(int worker, std::unique_lock<std::mutex>& section, std::optional<Item> own) {
    std::vector<Item> done;
    for (;;) {
      if (own) {
        in_section_(worker, *own);
        done.push_back(std::move(*own));
        own.reset();
      }
      // At most max_parked_ per turn, so that a thread kept busy by the others still carries its
      // finished items on (and their memory is released) between turns.
      while (done.size() <= max_parked_) {
        std::optional<Item> item = take_parked();
        if (!item) break;
        in_section_(worker, *item);
        done.push_back(std::move(*item));
      }
      section.unlock();
      for (Item& item : done) after_(worker, item);
      done.clear();
      // An item parked after the last take and before the unlock is seen here: its thread found
      // the section taken, and this thread looks again now that it is free.
      {
        std::lock_guard<std::mutex> lock(parked_mutex_);
        if (parked_.empty()) return;
      }
      if (!section.try_lock()) return;  // the thread now in the section runs them
    }
  }

  std::optional<Item> take_parked() {
    std::lock_guard<std::mutex> lock(parked_mutex_);
    if (parked_.empty()) return std::nullopt;
    std::optional<Item> item(std::move(parked_.front()));
    parked_.pop_front();
    return item;
  }

  const std::size_t max_parked_;
  std::function<void(int, Item&)> in_section_;
  std::function<void(int, Item&)> after_;
  std::mutex section_;
  mutable std::mutex parked_mutex_;
  std::deque<Item> parked_;
  std::size_t most_parked_ = 0;
};

}  // namespace docpipe::engine
