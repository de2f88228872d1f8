#include "inline_marks.hpp"

#include <algorithm>
#include <limits>

#include "html_escape.hpp"

namespace docpipe::html_export {

bool mark_order(const Mark& a, const Mark& b) noexcept {
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  if (a.span.end != b.span.end) return a.span.end > b.span.end;
  return a.rank < b.rank;
}

MarkedText::MarkedText(std::string_view text, std::vector<Mark> marks) : text_(text), marks_(std::move(marks)) {
  std::stable_sort(marks_.begin(), marks_.end(), mark_order);
  for (const Mark& m : marks_) longest_ = std::max(longest_, m.span.size());
  opened_.assign(marks_.size(), false);
}

void MarkedText::render(std::string& out, Span range) {
  const std::string_view text = text_;
  const std::vector<Mark>& marks = marks_;
  const std::size_t longest = longest_;
  range.end = std::min(range.end, text.size());
  if (range.begin > range.end) return;

  // Marks are sorted by start, so the ones reaching into the range start at most `longest` bytes
  // before it.
  Mark probe;
  probe.span = {range.begin > longest ? range.begin - longest : 0, std::numeric_limits<std::size_t>::max()};
  probe.rank = std::numeric_limits<int>::min();
  auto first = std::lower_bound(marks.begin(), marks.end(), probe, mark_order);

  struct Open {
    const Mark* mark;
    std::size_t end;  // clipped to the range
  };
  std::vector<const Mark*> pending;  // overlapping marks, in order, starts clipped
  std::vector<std::size_t> pending_begin;
  for (auto it = first; it != marks.end() && it->span.begin <= range.end; ++it) {
    const Span s = it->span;
    const bool inside_empty = s.empty() && s.begin >= range.begin && s.begin < range.end;
    const bool overlapping = !s.empty() && s.begin < range.end && s.end > range.begin;
    if (!inside_empty && !overlapping) continue;
    pending.push_back(&*it);
    pending_begin.push_back(std::max(s.begin, range.begin));
  }
  // Clipping can make marks that started before the range start together at its start; keep them in
  // the nesting order (longer first).
  std::vector<std::size_t> order(pending.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (pending_begin[a] != pending_begin[b]) return pending_begin[a] < pending_begin[b];
    const std::size_t ea = std::min(pending[a]->span.end, range.end), eb = std::min(pending[b]->span.end, range.end);
    if (ea != eb) return ea > eb;
    return pending[a]->rank < pending[b]->rank;
  });

  std::vector<Open> stack;
  std::size_t pos = range.begin;
  std::size_t next = 0;
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  while (true) {
    const std::size_t next_begin = next < order.size() ? pending_begin[order[next]] : none;
    std::size_t next_end = none;
    for (const Open& o : stack) next_end = std::min(next_end, o.end);
    const std::size_t at = std::min({next_begin, next_end, range.end});
    append_escaped(out, text.substr(pos, at - pos));
    pos = at;

    if (at == next_end) {
      // Close from the top down to the lowest mark that ends here, then reopen the ones above it
      // that go on.
      std::size_t lowest = stack.size();
      for (std::size_t i = 0; i < stack.size(); ++i)
        if (stack[i].end <= at) {
          lowest = i;
          break;
        }
      std::vector<Open> reopen;
      for (std::size_t i = stack.size(); i-- > lowest;) {
        out += stack[i].mark->close;
        if (stack[i].end > at) reopen.push_back(stack[i]);
      }
      stack.resize(lowest);
      for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) {
        out += it->mark->open_continued;
        stack.push_back(*it);
      }
    }
    while (next < order.size() && pending_begin[order[next]] == at) {
      const Mark* m = pending[order[next++]];
      const std::size_t index = static_cast<std::size_t>(m - marks.data());
      if (opened_[index]) {
        out += m->open_continued;
      } else {
        out += m->open;
        opened_[index] = true;
        if (!m->anchor.empty()) rendered_anchors_.insert(m->anchor);
      }
      if (m->span.empty()) out += m->close;
      else stack.push_back({m, std::min(m->span.end, range.end)});
    }
    if (at >= range.end && stack.empty() && next >= order.size()) break;
  }
}

}  // namespace docpipe::html_export
