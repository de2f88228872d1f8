#include "mixup_lossy.hpp"

#include <algorithm>
#include <iterator>
#include <cstdint>
#include <optional>

#include "char_model.hpp"
#include "double_byte_table.hpp"
#include "lost_byte_repair.hpp"
#include "mixup_latin.hpp"
#include "script_converter.hpp"
#include "whole_lost_character.hpp"
#include "windows_1252.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

namespace utf8 = docpipe::utf8;

/// One byte of the wrong decoder's input: known, or lost (one of @p candidates).
struct Slot {
  int byte = -1;  ///< -1 when lost.
  std::vector<std::uint8_t> candidates;
};

/// A character read at a slot and the slots it takes.
struct Option {
  char32_t c;
  int length;
};

/// A mix-up: the codec the bytes were written in, read with the wrong one.
struct Mixup {
  const char* kind;
  Legacy wrong;
  bool right_is_utf8;
  Legacy right;  // when not UTF-8
  bool wrong_is_cp1252 = false;  // read by Windows-1252 (then `wrong` is unused)
};

constexpr Mixup kMixups[] = {
    {"mojibake-utf8-as-gbk", Legacy::gbk, true, Legacy::gbk},
    {"mojibake-big5-as-gbk", Legacy::gbk, false, Legacy::big5},
    {"mojibake-gbk-as-big5", Legacy::big5, false, Legacy::gbk},
    {"mojibake-gbk-as-latin1", Legacy::gbk, false, Legacy::gbk, true},
    // GBK read as GB2312 (a charset detector's usual guess for simplified pages): every character
    // GB2312 lacks loses its lead byte, and its trail is read again.
    {"mojibake-gbk-as-gb2312", Legacy::gb2312, false, Legacy::gbk},
};

/// True for the mix-up whose WHATWG decoder drops a lead and a non-ASCII trail together: GBK read
/// as Big5 (the Big5 table has no code for most GBK pairs; GBK's own gaps are few).
bool drops_whole_pairs(const Mixup& mix) { return !mix.wrong_is_cp1252 && mix.wrong == Legacy::big5; }

/// True for the mix-up whose wrong codec is a subset of the right one (GBK read as GB2312): its
/// reading changes only the characters around lost bytes, and two lost bytes in a row are one
/// character (a lead rejected, then a trail 0x80-0xA0, which is no GB2312 lead).
bool wrong_is_subset(const Mixup& mix) { return !mix.wrong_is_cp1252 && mix.wrong == Legacy::gb2312; }

constexpr std::size_t kBeam = 8;
/// A region is read within this many characters on each side of its first U+FFFD.
constexpr std::size_t kReach = 2000;
/// Readings of a lost byte must differ by this many decades for one to be chosen.
constexpr double kMargin = 1.0;
/// Log10 weight of a character left unread (U+FFFD) where no byte reads: as an unknown character.
constexpr double kUnread = CharModel::kUnknown;

template <class F>
void each_byte(const Slot& s, F&& f) {
  if (s.byte >= 0) f(s.byte);
  else
    for (const std::uint8_t b : s.candidates) f(b);
}

/// The characters UTF-8 reads at @p pos of @p slots; a span with two lost bytes reads as U+FFFD only.
void utf8_options(const std::vector<Slot>& slots, std::size_t pos, std::vector<Option>& out) {
  each_byte(slots[pos], [&](int lead) {
    if (lead < 0x80) {
      out.push_back({static_cast<char32_t>(lead), 1});
      return;
    }
    const int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0 || pos + length > slots.size()) return;
    int lost = slots[pos].byte < 0;
    for (int k = 1; k < length; ++k) lost += slots[pos + k].byte < 0;
    if (lost > 1) {  // a character of two lost bytes is not guessed: it is read as U+FFFD
      if (out.empty() || out.back().c != utf8::replacement_character || out.back().length != length)
        out.push_back({utf8::replacement_character, length});
      return;
    }
    std::vector<char32_t> values = {static_cast<char32_t>(lead & (0x7F >> length))};
    for (int k = 1; k < length && !values.empty(); ++k) {
      int low = 0x80, high = 0xBF;
      if (k == 1 && lead == 0xE0) low = 0xA0;
      if (k == 1 && lead == 0xED) high = 0x9F;
      if (k == 1 && lead == 0xF0) low = 0x90;
      if (k == 1 && lead == 0xF4) high = 0x8F;
      std::vector<char32_t> next;
      each_byte(slots[pos + k], [&](int b) {
        if (b >= low && b <= high)
          for (const char32_t v : values) next.push_back(v << 6 | (b & 0x3F));
      });
      values = std::move(next);
    }
    for (const char32_t v : values)
      if (ordinary_character(v)) out.push_back({v, length});
  });
}

/// The characters a double-byte codec reads at @p pos of @p slots.
void double_byte_options(const std::vector<Slot>& slots, std::size_t pos, const DoubleByteTable& table,
                         std::vector<Option>& out) {
  if (slots[pos].byte < 0 && pos + 1 < slots.size() && slots[pos + 1].byte < 0) {
    out.push_back({utf8::replacement_character, 2});  // two lost bytes are not guessed
    return;
  }
  each_byte(slots[pos], [&](int lead) {
    if (lead < 0x80) {
      out.push_back({static_cast<char32_t>(lead), 1});
      return;
    }
    if (pos + 1 >= slots.size()) return;
    each_byte(slots[pos + 1], [&](int trail) {
      const char32_t c = table.decode(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
      if (c && ordinary_character(c)) out.push_back({c, 2});
    });
  });
}

/// OpenCC t2s, loaded on the first near-tie of script variants.
const ScriptConverter& t2s() {
  static const ScriptConverter converter("t2s.json");
  return converter;
}

/// @p c in simplified script.
char32_t simplified(char32_t c) {
  std::string s;
  utf8::append(s, c);
  const auto edits = t2s().edits(s);
  if (edits.empty() || edits.front().after.empty()) return c;
  std::size_t q = 0;
  return utf8::next(edits.front().after, q);
}

/// True when the characters of @p path read from @p from on (to the next kept one), those of lost
/// bytes left out, include traditional ones.
template <class Path>
bool traditional_context(const Path& path, std::size_t from, const std::vector<Slot>& slots) {
  std::string read;
  for (std::size_t i = from; i < path.size() && !path[i].as_is; ++i) {
    bool lost = false;
    for (std::size_t s = path[i].from; s < path[i].to; ++s) lost = lost || slots[s].byte < 0;
    if (!lost) utf8::append(read, path[i].c);
  }
  return !t2s().edits(read).empty();
}

/// A hypothesis of the beam: the text up to a slot, each character read or kept as it is.
struct Hyp {
  double score;
  char32_t p2, p1;   // the last two characters
  int parent;        // node of the character before, -1 at the start
  char32_t c;        // its last character (0 at the start)
  std::size_t from;  // slot where that character starts
  bool as_is;        // that character is the text's own
};

struct Node {
  int parent;
  char32_t c;
  std::size_t from, to;
  bool as_is;
};

/// Mean log10 probability a character below which a reading is not prose (reports: about -2).
constexpr double kProseFloor = -4.0;

/// Log10 cost of starting a reading: the least gain a reading must bring.
constexpr double kSwitch = 4.0;

/// Inserts a lost slot before each slot index of @p losses (sorted; repeated for several, equal to
/// the size for the end) and moves @p boundary (the slot where each character begins) past them,
/// but, with @p to_next, the boundary at a lost slot, which then begins the character after it.
void insert_lost_slots(std::vector<Slot>& slots, std::vector<std::size_t>& boundary, const std::vector<std::size_t>& losses,
                       bool to_next) {
  std::vector<Slot> with;
  with.reserve(slots.size() + losses.size());
  for (std::size_t i = 0, l = 0; i <= slots.size(); ++i) {
    for (; l < losses.size() && losses[l] == i; ++l) with.push_back({-1, {}});
    if (i < slots.size()) with.push_back(std::move(slots[i]));
  }
  for (std::size_t& b : boundary) {
    const auto before = to_next ? std::lower_bound(losses.begin(), losses.end(), b) : std::upper_bound(losses.begin(), losses.end(), b);
    b += static_cast<std::size_t>(before - losses.begin());
  }
  slots = std::move(with);
}

/// Where UTF-8 read as GBK lost bytes without a trace (a decoder that drops what it rejects,
/// Python's errors='ignore'), the wrong reading's bytes break UTF-8 at each loss: a lost byte is
/// always a trail byte (a UTF-8 lead is never rejected before its trail), so a sequence one trail
/// short gets a lost slot at the character boundary among its trails' places, a lone lead as many
/// as it lacks. @p boundary (the slot where each
/// character begins) is moved past the slots inserted before it. Returns whether any was.
bool insert_silent_losses(std::vector<Slot>& slots, std::vector<std::size_t>& boundary) {
  std::vector<char> at_boundary(slots.size() + 1, 0);
  for (const std::size_t b : boundary) at_boundary[b] = 1;
  std::vector<std::size_t> losses;  // slots before which a lost one goes
  for (std::size_t i = 0; i < slots.size();) {
    const int lead = slots[i].byte;
    if (lead < 0xC2 || lead > 0xF4) {
      ++i;
      continue;
    }
    const std::size_t length = lead <= 0xDF ? 2 : lead <= 0xEF ? 3 : 4;
    std::size_t k = 1;
    while (k < length && i + k < slots.size() && (slots[i + k].byte < 0 || (slots[i + k].byte & 0xC0) == 0x80)) ++k;
    if (k + 1 == length) {
      // The lost trail was any of the sequence's after its lead: the one place among them that is a
      // character boundary of the wrong reading (GBK pairs leave one in two).
      std::size_t place = 0, places = 0;
      for (std::size_t q = i + 1; q <= i + k; ++q)
        if (at_boundary[q]) place = q, ++places;
      if (places == 1) losses.push_back(place);
    } else if (k == 1 && i + 1 < at_boundary.size() && at_boundary[i + 1]) {
      // Only the lead is left (its trails rejected one after the other): a character of two lost
      // bytes, which reads as U+FFFD.
      losses.insert(losses.end(), length - 1, i + 1);
    }
    i += k;
  }
  if (losses.empty()) return false;
  insert_lost_slots(slots, boundary, losses, false);
  return true;
}

/// Where Big5 read as GBK lost leads without a trace: GBK rejects Big5's punctuation rows (A1-A3
/// before a trail 0x40-0xA0 are user-defined there), and a decoder that drops what it rejects keeps
/// an ASCII trail as a letter (`，` A1 41 is `A`, `。` A1 43 is `C`). A lost slot goes before each
/// ASCII character 0x40-0x7E but one inside a Latin word (after a letter that has none: `GDP` keeps
/// its D and P as they are, `A~` is `，年`, `2010~` `2010年`); the letter as it is spans both, and
/// a reading takes it with its lost lead. Returns whether any was inserted.
bool insert_lost_leads(std::vector<Slot>& slots, std::vector<std::size_t>& boundary) {
  std::vector<char> at_boundary(slots.size() + 1, 0);
  for (const std::size_t b : boundary) at_boundary[b] = 1;
  std::vector<std::size_t> losses;
  for (std::size_t i = 1; i < slots.size(); ++i) {
    const int b = slots[i].byte;
    if (!at_boundary[i] || b < 0x40 || b > 0x7E) continue;
    const int p = slots[i - 1].byte;
    const bool latin_letter = (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z');
    if (!latin_letter || (!losses.empty() && losses.back() == i - 1)) losses.push_back(i);
  }
  if (losses.empty()) return false;
  // The lost slot belongs to the letter's character: as it is, the letter spans both.
  insert_lost_slots(slots, boundary, losses, true);
  return true;
}

/// Reads the region [@p begin, @p end) of @p text for @p mix: a beam over its bytes where each
/// character is kept as it is or read, where reading gives way to the text as it is only at its
/// character boundaries; appends the read stretches that beat the text as it is.
/// With @p silent, UTF-8 read as GBK may also have lost bytes without a U+FFFD (insert_silent_losses).
/// With @p browser, characters go back to the bytes a browser's Big5 decoder read them from.
/// Stretches that read only lost bytes go to @p unproven instead, their gain to @p unproven_gain.
/// Returns the summed gain (log10) of the stretches appended to @p out.
double read_region(std::string_view text, std::size_t begin, std::size_t end, const Mixup& mix, const CharModel& model,
                   std::vector<MixupFix>& out, std::vector<MixupFix>& unproven, double& unproven_gain,
                   bool silent, bool browser) {
  const DoubleByteTable& wrong = DoubleByteTable::get(mix.wrong);
  const DoubleByteTable* right = mix.right_is_utf8 ? nullptr : &DoubleByteTable::get(mix.right);
  std::vector<char32_t> chars;
  std::vector<std::size_t> offset, boundary;
  std::vector<Slot> slots;
  bool holes = false;
  for (std::size_t pos = begin; pos < end;) {
    offset.push_back(pos);
    boundary.push_back(slots.size());
    const char32_t c = utf8::next(text, pos);
    chars.push_back(c);
    if (c < 0x80) {
      slots.push_back({static_cast<int>(c), {}});
    } else if (c == utf8::replacement_character) {
      slots.push_back({-1, {}});
      holes = true;
    } else if (mix.wrong_is_cp1252) {
      slots.push_back({windows_1252::byte_of(c), {}});
    } else if (c == 0x20AC && mix.right_is_utf8) {
      slots.push_back({0x80, {}});  // WHATWG's GBK reads the lone byte 0x80 as €
    } else {
      const std::uint16_t code = browser ? wrong.encode_as_browser(c) : wrong.encode_any(c);
      slots.push_back({code >> 8, {}});
      slots.push_back({code & 0xFF, {}});
    }
  }
  offset.push_back(end);
  boundary.push_back(slots.size());
  if (silent && mix.right_is_utf8 && insert_silent_losses(slots, boundary)) holes = true;
  if (silent && !mix.right_is_utf8 && insert_lost_leads(slots, boundary)) holes = true;
  // Without a lost byte a region is read only for a browser's Big5 characters.
  if (!holes && !browser) return 0;
  // A lost byte is one the wrong decoder rejected before the byte that follows it: 0x80, 0xFF, or
  // a lead whose pair with that byte it does not know (any, before another lost byte or the end).
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].byte >= 0) continue;
    const int next = i + 1 < slots.size() ? slots[i + 1].byte : -1;
    if (mix.wrong_is_cp1252) {
      slots[i].candidates.assign(std::begin(windows_1252::kUndefined), std::end(windows_1252::kUndefined));
      continue;
    }
    for (int b = 0x80; b <= 0xFF; ++b)
      if (b == 0x80 || b == 0xFF || next < 0 || !wrong.decode(static_cast<unsigned char>(b), static_cast<unsigned char>(next)))
        slots[i].candidates.push_back(static_cast<std::uint8_t>(b));
  }
  const std::size_t m = chars.size();
  std::vector<int> char_at(slots.size() + 1, -1);
  for (std::size_t k = 0; k <= m; ++k) char_at[boundary[k]] = static_cast<int>(k);

  std::vector<std::vector<Hyp>> at(slots.size() + 1);
  std::vector<Node> nodes;
  std::vector<Option> options;
  at[0].push_back({0.0, ' ', ' ', -1, 0, 0, true});
  auto better = [](const Hyp& a, const Hyp& b) { return a.score > b.score; };
  for (std::size_t p = 0; p <= slots.size(); ++p) {
    std::vector<Hyp>& here = at[p];
    if (here.empty()) continue;
    if (here.size() > kBeam) {
      // The best hypothesis keeping the text as it is stays, whatever reads better.
      const auto kept = std::min_element(here.begin(), here.end(), [&](const Hyp& a, const Hyp& b) {
        return a.as_is != b.as_is ? a.as_is : better(a, b);
      });
      std::swap(*kept, here.front());
      std::nth_element(here.begin() + 1, here.begin() + kBeam - 1, here.end(), better);
      here.resize(kBeam);
    }
    const int k = char_at[p];
    for (const Hyp& h : here) {
      int node = h.parent;
      if (h.c) {
        nodes.push_back({h.parent, h.c, h.from, p, h.as_is});
        node = static_cast<int>(nodes.size()) - 1;
      }
      if (p == slots.size()) continue;
      const CharModel::Context x = model.context(h.p2, h.p1);
      if (k >= 0) {  // the character as it is
        const char32_t c = chars[k];
        at[boundary[k + 1]].push_back({h.score + model.score(x, c), h.p1, c, node, c, p, true});
      }
      options.clear();
      if (right) double_byte_options(slots, p, *right, options);
      else utf8_options(slots, p, options);
      if (slots[p].byte < 0) options.push_back({utf8::replacement_character, 1});  // unread
      const double enter = h.as_is ? -kSwitch : 0.0;
      for (const Option& o : options) {
        const double s = o.c == utf8::replacement_character ? kUnread : model.score(x, o.c);
        at[p + o.length].push_back({h.score + s + enter, h.p1, o.c, node, o.c, p, false});
      }
    }
    if (p < slots.size()) std::vector<Hyp>().swap(here);
  }
  const std::vector<Hyp>& ends = at[slots.size()];
  if (ends.empty()) return 0;
  double gain = 0;
  const Hyp& best = *std::max_element(ends.begin(), ends.end(), [&](const Hyp& a, const Hyp& b) { return better(b, a); });
  std::vector<Node> path;
  for (int n = best.parent; n >= 0; n = nodes[n].parent) path.push_back(nodes[n]);
  std::reverse(path.begin(), path.end());
  path.push_back({-1, best.c, best.from, slots.size(), best.as_is});
  // Each read stretch: a lost byte's character stays U+FFFD unless it reads clearly best between
  // its neighbours; the stretch is kept when it reads far better than the text as it is.
  for (std::size_t i = 0; i < path.size();) {
    if (path[i].as_is) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::string after;
    // The stretch goes out in pieces ending after its clause punctuation where the reading and the
    // text share a character boundary: a piece that overlaps a lost-lead-byte run is dropped
    // alone, not the whole stretch.
    std::vector<std::pair<std::size_t, std::size_t>> pieces;  // (end in `after`, end character)
    std::optional<bool> traditional;  // the script of the stretch, once a near-tie asks
    std::size_t known = 0;  // characters of the stretch read from known bytes only
    for (; j < path.size() && !path[j].as_is; ++j) {
      char32_t c = path[j].c;
      bool lost = false;
      for (std::size_t s = path[j].from; s < path[j].to; ++s) lost = lost || slots[s].byte < 0;
      known += !lost;
      const int next = path[j].to < slots.size() ? slots[path[j].to].byte : -1;
      const bool dropped_together = path[j].to == path[j].from + 1 && drops_whole_pairs(mix) && !(next >= 0x40 && next <= 0x7E);
      const bool lost_one_by_one = right && !mix.wrong_is_cp1252 && path[j].to == path[j].from + 2 && slots[path[j].from].byte < 0 &&
                                   slots[path[j].from + 1].byte < 0;
      if (lost && c == utf8::replacement_character && (dropped_together || lost_one_by_one)) {
        // Left unread, the U+FFFD may stand for a whole character. WHATWG's Big5 decoder drops a
        // GBK lead and its trail together; not before an ASCII byte 0x40-0x7E, which may be the
        // trail of a lost lead (guessed below when the beam reads it so). Python's codecs and ICU
        // reject byte by byte: two lost bytes in a row are one character whose trail, read again as
        // a lead, was rejected before the next byte too (Big5's 的 before `3` read as GBK; GBK's 〇
        // read as GB2312, its trail 0x80-0xA0 no GB2312 lead).
        const char32_t p2 = j >= 2 ? path[j - 2].c : ' ', p1 = j >= 1 ? path[j - 1].c : ' ';
        const char32_t n1 = j + 1 < path.size() ? path[j + 1].c : ' ', n2 = j + 2 < path.size() ? path[j + 2].c : ' ';
        const WholeLoss loss{mix.right, mix.wrong, dropped_together ? -1 : next};
        c = guess_whole_lost_character(loss, p2, p1, n1, n2, model, kMargin);
      } else if (lost && c != utf8::replacement_character) {
        const char32_t p2 = j >= 2 ? path[j - 2].c : ' ', p1 = j >= 1 ? path[j - 1].c : ' ';
        const char32_t n1 = j + 1 < path.size() ? path[j + 1].c : ' ', n2 = j + 2 < path.size() ? path[j + 2].c : ' ';
        options.clear();
        if (right) double_byte_options(slots, path[j].from, *right, options);
        else utf8_options(slots, path[j].from, options);
        std::vector<std::pair<double, char32_t>> scored;
        for (const Option& o : options) {
          if (o.length != static_cast<int>(path[j].to - path[j].from) || o.c == utf8::replacement_character) continue;
          scored.push_back({model.score(p2, p1, o.c) + model.score(p1, o.c, n1) + model.score(o.c, n1, n2), o.c});
        }
        std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        // Script variants (長 长) are one choice: the model has read each report in both scripts, and
        // where it pruned a rare context in one script but not the other (counted once against
        // twice) the wrong script can lead by far (新晉 before 新晋 by 1.4 decades in simplified
        // text). The best characters that are variants of one another are settled by the script of
        // the reading around them, and the margin is measured to the best other character.
        c = utf8::replacement_character;
        if (!scored.empty()) {
          const char32_t top = simplified(scored[0].second);
          std::size_t other = 1;
          while (other < scored.size() && simplified(scored[other].second) == top) ++other;
          char32_t pick = scored[0].second;
          if (other > 1) {
            if (!traditional) traditional = traditional_context(path, i, slots);
            for (std::size_t v = 0; v < other; ++v)
              if ((simplified(scored[v].second) == scored[v].second) != *traditional) {
                pick = scored[v].second;
                break;
              }
          }
          if (other >= scored.size() || scored[0].first - scored[other].first >= kMargin) c = pick;
        }
      }
      utf8::append(after, c);
      const int k = char_at[path[j].to];
      if (k >= 0)
        pieces.push_back({after.size(), static_cast<std::size_t>(k)});
    }
    const int first = char_at[path[i].from], stop = char_at[path[j - 1].to];
    i = j;
    if (first < 0 || stop < 0) continue;
    if (pieces.empty() || pieces.back().second != static_cast<std::size_t>(stop)) pieces.push_back({after.size(), stop});
    const std::size_t from = offset[first], to = offset[stop];
    const std::string_view run = text.substr(from, to - from);
    if (after == run) continue;
    std::size_t cjk = 0, n = 0, wide = 0;
    for (std::size_t q = 0; q < after.size(); ++n) {
      const char32_t c = utf8::next(after, q);
      cjk += c >= 0x3000 && c < 0xA000;
      wide += c >= 0x80;
    }
    const double read = model.score_text(after), as_is = model.score_text(run);
    const double per_char = read / double(std::max<std::size_t>(1, n)) - as_is / double(std::max<std::size_t>(1, utf8::length(run)));
    // GB2312 is a subset of GBK: its reading changes only the characters around lost bytes, and the
    // unchanged ones between them would dilute a gain per character.
    const bool subset = wrong_is_subset(mix);
    if (wide == 0 || cjk * 2 < wide || read - as_is < kSwitch || (!subset && per_char < 1.0)) continue;
    // A mix-up but GB2312 reads every character of its text otherwise: a stretch that reads only
    // lost bytes again (`夏锡�[` as Big5's 加 for GBK's 璠 read as GB2312) is no evidence of it,
    // and is taken only where the same mix-up read known characters elsewhere (Big5's `。` is A1 43,
    // which Python's gbk reads as `�C`: alone on its line, it is proven by the rest of the text).
    const bool proven = subset || known > 0;
    std::vector<MixupFix>& into = proven ? out : unproven;
    // Any CJK reads better than mojibake of Latin letters: a GBK reading of Windows-1252 text must
    // read like prose itself, over four Han characters at least (as the run's own reading must).
    if (mix.wrong_is_cp1252 && (cjk < 4 || read / double(n) < kProseFloor)) continue;
    const double confidence = confidence_from_gain(read - as_is);
    (proven ? gain : unproven_gain) += read - as_is;
    std::size_t piece_begin = from, piece_after = 0;
    for (const auto& [after_end, end_char] : pieces) {
      const std::size_t piece_end = offset[end_char];
      std::string piece = after.substr(piece_after, after_end - piece_after);
      if (piece != text.substr(piece_begin, piece_end - piece_begin))
        into.push_back({piece_begin, piece_end, std::move(piece), mix.kind, confidence});
      piece_begin = piece_end;
      piece_after = after_end;
    }
  }
  return gain;
}

/// True for characters a region may hold under @p wrong: ASCII but line breaks, U+FFFD, and
/// characters the wrong decoder can have written.
bool in_region(char32_t c, const Mixup& mix, const DoubleByteTable& wrong) {
  if (c < 0x80) return c != '\n' && c != '\r';
  if (c == utf8::replacement_character) return true;
  if (mix.wrong_is_cp1252) return windows_1252::byte_of(c) >= 0;
  // WHATWG's gb18030 decoder reads a lone byte 0x80 (a UTF-8 trail byte) as `€`: a region of
  // UTF-8 read that way goes on across it, as the lossless runs do.
  return wrong.encode_any(c) != 0 || (c == 0x20AC && mix.right_is_utf8);
}

}  // namespace

std::size_t next_browser_big5_mark(std::string_view text, std::size_t from) {
  const DoubleByteTable& big5 = DoubleByteTable::get(Legacy::big5);
  const DoubleByteTable& gbk = DoubleByteTable::get(Legacy::gbk);
  for (std::size_t pos = from; pos < text.size();) {
    const std::size_t at = pos;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const char32_t c = utf8::next(text, pos);
    // HKSCS also codes Latin letters with pinyin tones (Ê, ế): those come as well from Windows-1252
    // mojibake, which writes nothing beyond Latin Extended-B.
    if (c >= 0x250 && big5.browser_only(c) && !gbk.encode_any(c)) return at;
  }
  return std::string_view::npos;
}

std::vector<MixupFix> find_lossy_mixup_fixes(std::string_view text, const CharModel& model,
                                             const std::vector<std::size_t>& own,
                                             const std::vector<SilentLoss>& silent, bool browser_big5,
                                             std::vector<MixupFix>& unproven) {
  std::vector<MixupFix> out;
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::size_t covered = 0, next_seed = 0;
  std::size_t hole = text.find(kReplacement);
  while (hole != std::string_view::npos && std::binary_search(own.begin(), own.end(), hole)) hole = text.find(kReplacement, hole + 3);
  // Places to read from besides the U+FFFD, each for one mix-up (text order): runs that lost bytes
  // silently, and characters only a browser's Big5 decoder writes (ʊ for GBK's 三: the run scan,
  // made of characters with a GBK code, stops at them). A decoder that wrote U+FFFD for what it
  // rejected did not also drop bytes without a trace: lost bytes are looked for without a U+FFFD
  // only in text with none but the stage's own.
  struct Seed {
    std::size_t at;
    const Mixup* only;
    bool silent;
  };
  std::vector<Seed> seeds;
  if (hole == std::string_view::npos)
    for (const SilentLoss& l : silent) seeds.push_back({l.at, &kMixups[l.big5 ? 1 : 0], true});
  if (browser_big5) {
    for (std::size_t at = next_browser_big5_mark(text, 0), after = at; at != std::string_view::npos;
         at = next_browser_big5_mark(text, after)) {
      seeds.push_back({at, &kMixups[2], false});
      after = at;
      utf8::next(text, after);
    }
    std::stable_sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) { return a.at < b.at; });
  }
  for (;;) {
    // The next place to read from, in text order: a U+FFFD, or a seed.
    while (hole != std::string_view::npos && (hole < covered || std::binary_search(own.begin(), own.end(), hole)))
      hole = text.find(kReplacement, hole + 3);
    while (next_seed < seeds.size() && seeds[next_seed].at < covered) ++next_seed;
    const bool from_seed = next_seed < seeds.size() && (hole == std::string_view::npos || seeds[next_seed].at < hole);
    if (!from_seed && hole == std::string_view::npos) break;
    const Mixup* only = from_seed ? seeds[next_seed].only : nullptr;
    const bool from_silent = from_seed && seeds[next_seed].silent;
    const std::size_t seed = from_seed ? seeds[next_seed++].at : hole;
    std::size_t seed_end = seed;
    utf8::next(text, seed_end);
    std::vector<MixupFix> found, best, pending, best_pending, region_unproven;
    double best_gain = 0, best_unproven_gain = 0;
    std::size_t reach = seed_end;
    // Big5 read as GBK leaves user-defined-area characters (Private Use Area) all over: then that
    // reading goes first. A reading that covers most of the region ends the search (each costs a
    // beam over the whole line). Bytes lost without a trace are looked for in UTF-8 read as GBK only:
    // elsewhere nothing tells where they were.
    bool private_use = false;
    for (std::size_t q = seed > 600 ? seed - 600 : 0, stop = std::min(text.size(), seed + 600); q < stop && !private_use; ++q)
      private_use = static_cast<unsigned char>(text[q]) == 0xEE || (static_cast<unsigned char>(text[q]) == 0xEF &&
                                                                     q + 1 < text.size() && static_cast<unsigned char>(text[q + 1]) < 0xA4);
    const Mixup* order[5] = {&kMixups[0], &kMixups[1], &kMixups[2], &kMixups[3], &kMixups[4]};
    if (private_use && !from_silent) std::swap(order[0], order[1]);
    for (const Mixup* m : order) {
      if (only && m != only) continue;
      const Mixup& mix = *m;
      const DoubleByteTable& wrong = DoubleByteTable::get(mix.wrong);
      std::size_t begin = seed, end = seed_end;
      for (std::size_t n = 0; begin > covered && n < kReach; ++n) {
        std::size_t b = begin - 1;
        while (b > covered && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
        std::size_t q = b;
        if (!in_region(utf8::next(text, q), mix, wrong)) break;
        begin = b;
      }
      for (std::size_t n = 0; end < text.size() && n < kReach; ++n) {
        std::size_t q = end;
        if (!in_region(utf8::next(text, q), mix, wrong)) break;
        end = q;
      }
      reach = std::max(reach, end);
      found.clear();
      pending.clear();
      double unproven_gain = 0;
      // GBK read as Big5 by a browser: its HKSCS codes go back to their bytes.
      const bool browser = mix.wrong == Legacy::big5 && !mix.wrong_is_cp1252 && browser_big5;
      const double gain = read_region(text, begin, end, mix, model, found, pending, unproven_gain, from_silent, browser);
      // The reading of the region that gains most (the three codecs read the same bytes), with its
      // stretches of lost bytes only, which its other stretches prove; in a region that no mix-up
      // reads otherwise, the best reading of lost bytes only waits for proof elsewhere.
      std::size_t read = 0;
      for (const MixupFix& f : found) read += f.end - f.begin;
      if (gain > best_gain) best_gain = gain, best.swap(found), best_pending.swap(pending);
      else if (best_gain == 0 && unproven_gain > best_unproven_gain) best_unproven_gain = unproven_gain, region_unproven.swap(pending);
      if (2 * read > end - begin) break;
    }
    covered = reach;
    out.insert(out.end(), best.begin(), best.end());
    out.insert(out.end(), best_pending.begin(), best_pending.end());
    if (best.empty()) unproven.insert(unproven.end(), region_unproven.begin(), region_unproven.end());
  }
  std::sort(out.begin(), out.end(), [](const MixupFix& a, const MixupFix& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace encoding_repair
