#include "nul_bytes.hpp"

#include <algorithm>
#include <cstring>

namespace encoding_repair {

NulBytes inspect_nul_bytes(std::string_view raw) noexcept {
  NulBytes n;
  std::size_t other = 0, controls = 0;
  bool in_run = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto b = static_cast<unsigned char>(raw[i]);
    if (b == 0) {
      if (n.count++ == 0) n.first = i;
      n.runs += !in_run;
      in_run = true;
      continue;
    }
    in_run = false;
    ++other;
    // TAB, LF, VT, FF, CR (0x09-0x0D) and ESC (0x1B, terminal colours) occur in text files.
    controls += b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1B;
  }
  n.in_text = other > 0 && controls * 100 <= other && n.runs <= 4 + other / 64;
  return n;
}

std::string without_nul_bytes(std::string_view raw, std::vector<NulRun>& runs) {
  std::string kept;
  kept.reserve(raw.size());
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const void* hit = std::memchr(raw.data() + pos, 0, raw.size() - pos);
    const std::size_t nul = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - raw.data()) : raw.size();
    kept.append(raw, pos, nul - pos);
    if (nul == raw.size()) break;
    std::size_t end = nul;
    while (end < raw.size() && raw[end] == '\0') ++end;
    runs.push_back({nul, end - nul, kept.size()});
    pos = end;
  }
  return kept;
}

namespace {

/// Where offsets of the input without NULs lie in the input.
class NulShift {
 public:
  explicit NulShift(const std::vector<NulRun>& runs) : runs_(runs), through_(runs.size()) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) through_[i] = n += runs[i].length;
  }
  /// The input offset of the byte at @p kept (NUL runs right before it counted before it).
  std::size_t begin(std::size_t kept) const { return kept + nuls_before(kept, true); }
  /// The input offset just past the byte before @p kept (NUL runs right before @p kept not included).
  std::size_t end(std::size_t kept) const { return kept + nuls_before(kept, false); }

 private:
  std::size_t nuls_before(std::size_t kept, bool inclusive) const {
    const auto after = inclusive ? std::upper_bound(runs_.begin(), runs_.end(), kept,
                                                    [](std::size_t k, const NulRun& r) { return k < r.kept_before; })
                                 : std::lower_bound(runs_.begin(), runs_.end(), kept,
                                                    [](const NulRun& r, std::size_t k) { return r.kept_before < k; });
    const std::size_t i = static_cast<std::size_t>(after - runs_.begin());
    return i == 0 ? 0 : through_[i - 1];
  }
  const std::vector<NulRun>& runs_;
  std::vector<std::size_t> through_;  // NUL bytes in runs 0..i
};

}  // namespace

void restore_nul_bytes(docpipe::Document& doc, const std::vector<NulRun>& runs, const std::string& stage) {
  if (runs.empty()) return;
  // The map: units copied in pieces between the runs; a run on a unit boundary is a unit of its
  // own, a run inside a unit widens it.
  docpipe::SourceMap map;
  std::vector<std::size_t> text_at(runs.size());  // text offset each run's repair stands at
  std::size_t next = 0;                            // first run not yet placed
  for (const docpipe::SourceMap::Run& run : doc.source_map.runs()) {
    const std::size_t tu = run.text_unit, su = run.source_unit;
    if (su == 0) {  // inserted text has no source bytes to be split
      map.append(tu, 0, run.count);
      continue;
    }
    // In the input without NULs the run's unit u covers [begin + u * su, begin + (u + 1) * su).
    const std::size_t begin = run.source_begin, end = run.source_begin + run.count * su;
    std::size_t u = 0;
    while (u < run.count) {
      // Runs at or before this unit's start: they come first, as units of deleted source.
      const std::size_t unit_begin = begin + u * su;
      while (next < runs.size() && runs[next].kept_before <= unit_begin) {
        text_at[next] = run.text_begin + u * tu;
        map.append(0, runs[next].length);
        ++next;
      }
      // Units up to the next run that falls at or inside the run's range.
      const std::size_t stop = next < runs.size() && runs[next].kept_before < end ? runs[next].kept_before : end;
      const std::size_t whole = (stop - unit_begin) / su;  // units that end at or before `stop`
      if (whole > 0) {
        map.append(tu, su, whole);
        u += whole;
        continue;
      }
      // A run strictly inside unit u: the unit takes its NULs (and those of any more runs in it).
      std::size_t widened = su;
      while (next < runs.size() && runs[next].kept_before < unit_begin + su) {
        text_at[next] = run.text_begin + (u + 1) * tu;
        widened += runs[next].length;
        ++next;
      }
      map.append(tu, widened);
      ++u;
    }
  }
  for (; next < runs.size(); ++next) {  // trailing NULs, after the last byte of text
    text_at[next] = doc.source_map.text_size();
    map.append(0, runs[next].length);
  }
  doc.source_map = std::move(map);
  // Valid UTF-8 is mapped byte for byte, so a run inside a character sits between its bytes there;
  // its repair stands after that character.
  for (std::size_t& at : text_at)
    while (at < doc.text.size() && (static_cast<unsigned char>(doc.text[at]) & 0xC0) == 0x80) ++at;

  const NulShift shift(runs);
  for (docpipe::Repair& r : doc.repairs) {
    const bool empty = r.source_end == r.source_begin;
    r.source_begin = shift.begin(r.source_begin);
    r.source_end = empty ? r.source_begin : shift.end(r.source_end);
  }
  std::vector<docpipe::Repair> merged;
  merged.reserve(doc.repairs.size() + runs.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    while (k < doc.repairs.size() && doc.repairs[k].source_begin < runs[i].source_begin) merged.push_back(std::move(doc.repairs[k++]));
    docpipe::Repair r;
    r.span = {text_at[i], text_at[i]};
    r.source_begin = runs[i].source_begin;
    r.source_end = runs[i].source_begin + runs[i].length;
    for (std::size_t b = 0; b < runs[i].length; ++b) r.before += "\\x00";
    r.kind = "control";
    r.stage = stage;
    r.note = "NUL bytes";
    merged.push_back(std::move(r));
  }
  while (k < doc.repairs.size()) merged.push_back(std::move(doc.repairs[k++]));
  doc.repairs = std::move(merged);
}

}  // namespace encoding_repair
