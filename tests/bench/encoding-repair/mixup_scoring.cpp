#include "mixup_scoring.hpp"

#include <algorithm>
#include <vector>

#include "docpipe/utf8.hpp"
#include "repairer.hpp"

namespace encoding_repair::bench {

namespace {

std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) out.push_back(docpipe::utf8::next(text, pos));
  return out;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      out.push_back(text.substr(begin));
      return out;
    }
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
}

constexpr std::size_t kLongest = 8000;

std::size_t levenshtein(std::string_view a_text, std::string_view b_text) {
  const auto a_all = decode(a_text), b_all = decode(b_text);
  std::size_t front = 0;
  while (front < a_all.size() && front < b_all.size() && a_all[front] == b_all[front]) ++front;
  std::size_t back = 0;
  while (back < a_all.size() - front && back < b_all.size() - front && a_all[a_all.size() - 1 - back] == b_all[b_all.size() - 1 - back])
    ++back;
  const std::size_t n = a_all.size() - front - back, m = b_all.size() - front - back;
  if (n == 0 || m == 0) return std::max(n, m);
  if (n > kLongest && m > kLongest) return std::max(n, m);
  const char32_t* a = a_all.data() + front;
  const char32_t* b = b_all.data() + front;
  std::vector<std::size_t> row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) row[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[m];
}

}  // namespace

docpipe::Document run_stage(Repairer& stage, std::string raw) {
  docpipe::Document d;
  d.id = "mixup";
  d.raw = std::move(raw);
  stage.process(d);
  return d;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto la = lines_of(a), lb = lines_of(b);
  if (la.size() != lb.size()) return levenshtein(a, b);
  std::size_t d = 0;
  for (std::size_t i = 0; i < la.size(); ++i)
    if (la[i] != lb[i]) d += levenshtein(la[i], lb[i]);
  return d;
}

bool has_mojibake_repair(const docpipe::Document& doc) {
  return std::any_of(doc.repairs.begin(), doc.repairs.end(),
                     [](const docpipe::Repair& r) { return r.kind.rfind("mojibake", 0) == 0 || r.kind == "decode-error"; });
}

MixupOutcome score_mixup(Repairer& stage, const std::string& clean, const std::string& damaged, std::optional<std::size_t> line) {
  return score_mixup_against(stage, run_stage(stage, clean).text, damaged, line);
}

MixupOutcome score_mixup_against(Repairer& stage, const std::string& want_text, const std::string& damaged,
                                 std::optional<std::size_t> line) {
  const docpipe::Document got = run_stage(stage, damaged);
  MixupOutcome o;
  o.exact = got.text == want_text;
  o.repaired = has_mojibake_repair(got);
  std::size_t distance = 0, length = 0;
  if (!line) {
    distance = o.exact ? 0 : edit_distance(got.text, want_text);
    length = code_points(want_text);
  } else {
    const auto lw = lines_of(want_text), lg = lines_of(got.text);
    length = *line < lw.size() ? code_points(lw[*line]) : 0;
    if (lw.size() == lg.size() && *line < lw.size()) {
      distance = levenshtein(lg[*line], lw[*line]);
      for (std::size_t i = 0; i < lw.size() && !o.changed_outside; ++i) o.changed_outside = i != *line && lw[i] != lg[i];
    } else {
      distance = edit_distance(got.text, want_text);
      o.changed_outside = true;  // a line break came or went: the damage did not stay in its line
    }
  }
  o.restored = length == 0 ? (o.exact ? 1.0 : 0.0) : std::max(0.0, 1.0 - double(distance) / double(length));
  return o;
}

}  // namespace encoding_repair::bench
