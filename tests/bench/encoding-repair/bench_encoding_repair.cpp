// bench_encoding_repair: repair quality on generated damage and speed beside iconv.
//
//   bench_encoding_repair [CORPUS_REPORTS_DIR] [SAMPLES_PER_REPORT] [quality|failures|diagnose] [MODEL_FILE]
//   bench_encoding_repair --speed FOLDER...
//   bench_encoding_repair --mixup [CORPUS_REPORTS_DIR] [failures]
//   bench_encoding_repair --utf8-loss [CORPUS_REPORTS_DIR] [COPIES_PER_REPORT] [failures]
//   bench_encoding_repair --dropped-lead [CORPUS_REPORTS_DIR] [SAMPLES_PER_REPORT] [failures]
//
// `quality` skips the speed measurement; `failures` also prints each damaged chunk that did not
// come back exactly (expected and repaired text around the first difference). MODEL_FILE scores the
// quality part with a charmodel.bin just built (docpipe-build-charmodel) instead of the embedded
// one, so a model change is measured before it is committed and the plugin rebuilt. `diagnose`
// sorts every chunk not repaired exactly into classes (swallowed digit; three or more dropped pairs
// in a row; SEARCH error: the expected reading scores above the search's choice under the search's
// own scoring, lost_byte_reading_gain; MODEL error: it does not; the swallowed byte guessed wrong;
// other), prints one line per chunk (SEARCH/MODEL: gains, expected and chosen reading; THREE: the
// streak; GUESS: the byte) and the counts.
//
// Uses only the reports held out of the character model's training (training_split.hpp), in
// simplified script and converted to traditional (OpenCC s2tw). Prints, per script: exact-repair
// rate (the damaged chunk comes back byte-identical to the clean one), false-repair rates (a clean
// chunk with a folded question mark `?` is changed at all; the same with one character between Han
// characters written as `?`, as an encoder whose charset lacks it writes it), and MB/s of the stage on clean UTF-8 and on GBK input beside
// iconv(3) on the same bytes in the same run.
//
// Mix-ups (printed last, and alone with --mixup): every kind of mixup_generator.hpp, each way the
// wrong codec fails, over the held-out reports (Big5 sources in traditional script, OpenCC s2tw),
// as the whole text and as one paragraph (a line with 20 or more characters outside ASCII, three
// drawn at random a report) of an otherwise clean report. The stage (Repairer, default settings) runs on the clean
// and the damaged text; per kind: the exact-document rate (same text out), characters restored (mean
// over documents of max(0, 1 - edit distance / code points of the damaged part), mixup_scoring.hpp)
// and for a paragraph the rate of documents where a clean line came out changed. Then input with
// two encodings byte for byte (a GBK paragraph in UTF-8 text and the reverse). Then false
// repairs on the clean held-out reports (UTF-8 simplified and traditional, GBK and Big5 bytes: any
// mojibake-* or decode-error repair), and the ftfy spec cases (ftfy_cases.hpp): negative.json is
// left alone when the stage makes no repair but the documented cleaning (html, escape, control,
// whitespace; a no-break space becomes a space); a fix is exact when the stage's text equals its text
// for ftfy's expected result (so the cleaning is applied to both). Fixes are counted apart when
// ftfy's fix_text also uncurls quotes etc. (then fix_encoding's result is expected) and when ftfy
// itself fails the case. `failures` prints each ftfy case that fails and each kind's first failing
// document around the first difference.
//
// --utf8-loss: one-byte damage in UTF-8 (utf8_byte_damage.hpp: a lead or trail byte lost or written
// as '?', a character in GBK bytes) and GBK words in UTF-8 (one to three characters), one damaged
// character or word per copy, COPIES_PER_REPORT copies (default 20) of every held-out report in each
// script and kind. Per row: documents read back exactly (the stage's text equals its text for the
// clean report), documents changed wrongly (not exact, though every leftover was read), and documents
// left: U+FFFD stays, or no mojibake repair was made (not read, or below the confidence threshold).
// `failures` prints each document not read back exactly around the first difference.
//
// --dropped-lead: the seed's damage without its `?` (a lead byte dropped, as chunked decoding with
// errors='ignore' drops it; corruption_generator.hpp with the `?` taken out), chunks as in the
// quality part, SAMPLES_PER_REPORT (default 5) a report, both scripts, the invalid pair vanishing.
// Per row: exact-repair rate (find_dropped_lead_fixes, confidence 0.5), chunks changed at all, and
// false repairs: the same chunks undamaged, any change.
//
// --speed: only the speed of the stage on every file of each FOLDER (one document per file, e.g.
// the benchmark corpus's utf8/, gbk/ and big5/ copies), pass by pass, beside iconv converting the
// same files from the encoding the stage detected, alternating rounds, medians of 7.

#include <iconv.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <opencc/SimpleConverter.hpp>

#include "char_model.hpp"
#include "cleaner.hpp"
#include "corruption_generator.hpp"
#include "decoder.hpp"
#include "ftfy_cases.hpp"
#include "mixup_generator.hpp"
#include "mixup_scoring.hpp"
#include "utf8_byte_damage.hpp"
#include "dropped_lead_repair.hpp"
#include "mixup_repair.hpp"
#include "docpipe/utf8.hpp"
#include "double_byte_table.hpp"
#include "han.hpp"
#include "lost_byte_repair.hpp"
#include "repairer.hpp"
#include "training_split.hpp"

namespace fs = std::filesystem;
using namespace encoding_repair;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Lines merged into chunks of at least @p min_bytes, without the final line break (a run that
/// reaches the end of a chunk then ends at the end of the text, not at a line break that the
/// chunking, not the damage, put last).
std::vector<std::string> chunks_of(const std::string& text, std::size_t min_bytes) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    cur += text.substr(pos, end - pos);
    cur += '\n';
    pos = end + 1;
    if (cur.size() >= min_bytes) {
      cur.pop_back();
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (cur.size() >= min_bytes / 2) out.push_back(cur);
  return out;
}

std::string apply(const std::string& text, const std::vector<LostByteFix>& fixes, double min_confidence) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& f : fixes) {
    if (f.confidence < min_confidence) continue;
    out.append(text, pos, f.begin - pos);
    out += f.after;
    pos = f.end + f.tag_rest;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

double iconv_seconds(const char* from, const std::vector<std::string>& inputs) {
  iconv_t cd = iconv_open("UTF-8", from);
  std::vector<char> buf;
  const auto t0 = Clock::now();
  for (const auto& in : inputs) {
    buf.resize(in.size() * 2 + 16);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = buf.data();
    std::size_t dst_left = buf.size();
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) std::cerr << "iconv failed\n";
  }
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  iconv_close(cd);
  return s;
}

/// @p utf8 in GBK; characters without a GBK code are dropped (a `?` would be a lost-byte trigger).
std::string to_gbk(const std::string& utf8) {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  std::string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t c = docpipe::utf8::next(utf8, pos);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (const std::uint16_t code = gbk.encode(c)) {
      out += static_cast<char>(code >> 8);
      out += static_cast<char>(code & 0xFF);
    }
  }
  return out;
}

/// True when @p got is @p expected with one ASCII digit missing: the damage swallowed a digit,
/// which no repair can name.
bool exact_but_lost_digit(const std::string& got, const std::string& expected) {
  if (got.size() + 1 != expected.size()) return false;
  std::size_t i = 0;
  while (i < got.size() && got[i] == expected[i]) ++i;
  return expected[i] >= '0' && expected[i] <= '9' && got.compare(i, std::string::npos, expected, i + 1, std::string::npos) == 0;
}

/// Up to 40 characters of @p s from byte @p at (a character boundary).
/// @p clean with one character between two Han characters written as `?`, drawn by a generator seeded
/// with @p seed; empty when the chunk has no such character.
std::string with_character_replaced(const std::string& clean, std::size_t seed) {
  std::vector<std::size_t> sites;  // byte offsets of characters with Han on both sides
  char32_t before2 = 0, before1 = 0;
  std::size_t at1 = 0;
  for (std::size_t p = 0; p < clean.size();) {
    const std::size_t at = p;
    const char32_t c = docpipe::utf8::next(clean, p);
    if (encoding_repair::is_han(before2) && encoding_repair::is_han(before1) && encoding_repair::is_han(c)) sites.push_back(at1);
    before2 = before1, before1 = c, at1 = at;
  }
  if (sites.empty()) return {};
  std::mt19937 rng(static_cast<std::uint32_t>(seed));
  const std::size_t at = sites[rng() % sites.size()];
  std::size_t end = at;
  docpipe::utf8::next(clean, end);
  return clean.substr(0, at) + "?" + clean.substr(end);
}

std::string cut(const std::string& s, std::size_t at) {
  std::size_t end = std::min(at, s.size());
  for (int n = 0; n < 40 && end < s.size(); ++n) docpipe::utf8::next(s, end);
  return s.substr(std::min(at, s.size()), end - std::min(at, s.size()));
}

/// Median of @p v (which it sorts).
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

/// The stage pass by pass and whole on every file of @p folder, beside iconv on the same bytes.
void speed_of_folder(const fs::path& folder) {
  std::vector<std::string> raws;
  std::size_t bytes = 0;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file()) {
      raws.push_back(read_file(e.path()));
      bytes += raws.back().size();
    }
  if (raws.empty()) return;
  const std::string encoding = detect_encoding(raws.front()).name;
  const char* iconv_name = encoding == "GB18030" ? "GB18030" : encoding == "Big5" ? "BIG5" : "UTF-8";
  const CharModel& model = CharModel::embedded();
  Repairer repairer(RepairSettings{});
  std::vector<double> stage, decode, mixup, clean, iconv_s;
  std::size_t lost_byte_starts = 0;
  for (int round = 0; round < 8; ++round) {
    double t_stage = 0, t_decode = 0, t_mixup = 0, t_clean = 0;
    lost_byte_starts = 0;
    for (const std::string& raw : raws) {
      docpipe::Document d;
      d.raw = raw;
      auto t0 = Clock::now();
      repairer.process(d);
      t_stage += std::chrono::duration<double>(Clock::now() - t0).count();
      docpipe::Document p;
      p.raw = raw;
      t0 = Clock::now();
      decode_document(p, "auto", "bench");
      t_decode += std::chrono::duration<double>(Clock::now() - t0).count();
      t0 = Clock::now();
      const auto m = find_mixup_fixes(p.text, model);
      t_mixup += std::chrono::duration<double>(Clock::now() - t0).count();
      t0 = Clock::now();
      const auto c = find_cleaning_edits(p.text);
      t_clean += std::chrono::duration<double>(Clock::now() - t0).count();
      lost_byte_starts += p.text.find('?') != std::string::npos || p.text.find("\xEF\xBF\xBD") != std::string::npos;
    }
    const double t_iconv = iconv_seconds(iconv_name, raws);
    if (round == 0) continue;  // warms caches and builds the tables
    stage.push_back(t_stage);
    decode.push_back(t_decode);
    mixup.push_back(t_mixup);
    clean.push_back(t_clean);
    iconv_s.push_back(t_iconv);
  }
  const double mb = double(bytes) / 1e6;
  std::printf("%s: %zu files, %.1f MB, %s (%zu files with a ? or U+FFFD)\n", folder.string().c_str(), raws.size(), mb,
              encoding.c_str(), lost_byte_starts);
  std::printf("  stage %.0f MB/s | iconv %s->UTF-8 %.0f MB/s | ratio %.2f\n", mb / median(stage), iconv_name,
              mb / median(iconv_s), median(iconv_s) / median(stage));
  std::printf("  passes alone: decode (with detection) %.0f MB/s, mix-up scan %.0f MB/s, cleaning scan %.0f MB/s\n",
              mb / median(decode), mb / median(mixup), mb / median(clean));
}

struct Quality {
  std::size_t damaged = 0, exact = 0, repaired_any = 0, exact_but_digit = 0;
  std::size_t clean_with_trigger = 0, clean_changed = 0, clean_total = 0;
  std::size_t replaced = 0, replaced_changed = 0;  // clean chunks with a character written as `?`
  double seconds = 0;
  std::size_t bytes = 0;
};

/// Why damaged chunks did not come back exactly, counted by class.
struct Diagnosis {
  std::size_t digit = 0;        // the run swallowed a digit: never exact
  std::size_t three = 0;        // three or more pairs dropped in a row: out of the search's reach
  std::size_t three_wins = 0;   //   of which the expected reading scores above the search's choice
  std::size_t search = 0;       // the expected reading scores above the search's choice
  std::size_t search_two = 0;   //   of which with two pairs dropped in a row
  std::size_t model = 0;        // the search's choice scores at least as high
  std::size_t model_short = 0;  //   of which the choice is shorter (fewer dropped pairs)
  std::size_t below = 0;        //   of which the expected reading gains less than the threshold
  std::size_t guess = 0;        // the reading is right, the swallowed byte (not a digit) guessed wrong
  std::size_t other = 0;        // the rest (a run the search cannot end so, a fix elsewhere)
  void print() const {
    std::printf("  not exact: swallowed digit %zu, three+ dropped pairs in a row %zu (%zu would win), SEARCH error %zu (%zu with two in a "
                "row), MODEL error %zu (%zu a shorter reading, %zu expected gain below 2), lost byte guessed wrong %zu, "
                "other %zu\n",
                digit, three, three_wins, search, search_two, model, model_short, below, guess, other);
  }
};

/// Classifies one damaged chunk that did not come back exactly, scoring the expected reading with
/// the search's own scoring (lost_byte_reading_gain) against the search's choice at the site.
void diagnose(const bench::DamagedSample& s, const std::vector<LostByteFix>& fixes, const CharModel& model,
              const LostByteOptions& options, Diagnosis& d) {
  if (s.lost_ascii >= '0' && s.lost_ascii <= '9') return void(++d.digit);
  LostByteReading expected;
  expected.begin = s.site;
  expected.end = s.run_end;
  expected.after = s.run_expected;
  if (s.lost_ascii) expected.after.pop_back();
  expected.dropped_pairs = static_cast<int>(s.dropped_pairs);
  const double want = lost_byte_reading_gain(s.damaged, model, expected, options);
  if (std::isnan(want)) return void(s.longest_drop >= 3 ? ++d.three : ++d.other);
  // The search's choice at the site, kept or not (a gain below the threshold is still its best).
  LostByteOptions all = options;
  all.min_gain = -1e300;
  LostByteFix chosen;
  const bool found = find_lost_byte_fix_at(s.damaged, s.site, model, chosen, all);
  const double got = found ? chosen.gain : 0.0;
  std::string got_text = found ? chosen.after : std::string();
  if (found && chosen.end == s.run_end && (got_text == s.run_expected || (s.lost_ascii && got_text.size() == s.run_expected.size() &&
                                                                       got_text.compare(0, got_text.size() - 1, expected.after) == 0)))
  {
    if (got_text != s.run_expected) std::printf("GUESS the swallowed byte 0x%02X guessed wrong\n", unsigned(s.lost_ascii));
    return void(got_text == s.run_expected ? ++d.other : ++d.guess);
  }
  (void)fixes;
  if (s.longest_drop >= 3) {
    // Out of the search's reach; would it win if the search tried it?
    ++d.three;
    d.three_wins += want > got + 1e-9;
    std::printf("THREE %zu dropped pairs in a row from pair %zu, expected reading %s\n", s.longest_drop, s.longest_at,
                want > got + 1e-9 ? "scores higher" : "scores lower");
    return;
  }
  std::printf("%s want %.2f got %.2f dropped %zu (%zu in a row)\n  expected %s\n  chosen   %s\n",
              want > got + 1e-9 ? "SEARCH" : "MODEL", want, got, s.dropped_pairs, s.longest_drop, s.run_expected.c_str(),
              got_text.c_str());
  if (want > got + 1e-9) {
    ++d.search;
    d.search_two += s.longest_drop == 2;
  } else {
    ++d.model;
    const std::size_t got_inserts = found && chosen.note.find("dropped user-defined") != std::string::npos
                                        ? std::stoul(chosen.note.substr(chosen.note.rfind("; ") + 2))
                                        : 0;
    d.model_short += got_inserts < s.dropped_pairs;
    d.below += want < options.min_gain;
  }
}


/// Text around the first difference of @p got and @p want.
void print_difference(const std::string& got, const std::string& want) {
  std::size_t d = 0;
  while (d < got.size() && d < want.size() && got[d] == want[d]) ++d;
  while (d > 0 && (static_cast<unsigned char>(want[d]) & 0xC0) == 0x80) --d;
  std::size_t from = d;
  for (int n = 0; n < 10 && from > 0; ++n) {
    --from;
    while (from > 0 && (static_cast<unsigned char>(want[from]) & 0xC0) == 0x80) --from;
  }
  auto shown = [&](const std::string& s) {
    std::string one_line = cut(s, from);
    for (std::size_t p = one_line.find('\n'); p != std::string::npos; p = one_line.find('\n', p)) one_line.replace(p, 1, "\\n");
    return one_line;
  };
  std::printf("    expected %s\n    got      %s\n", shown(want).c_str(), shown(got).c_str());
}

/// Paragraphs damaged alone per report and kind (fewer when a report has fewer worth damaging).
constexpr std::size_t kParagraphsPerReport = 3;

struct MixupTally {
  std::size_t docs = 0, exact = 0, outside = 0;
  double restored = 0;
  void add(const bench::MixupOutcome& o) {
    ++docs;
    exact += o.exact;
    outside += o.changed_outside;
    restored += o.restored;
  }
  double rate(std::size_t n) const { return docs ? double(n) / double(docs) : 0.0; }
  double mean_restored() const { return docs ? restored / double(docs) : 0.0; }
};

/// The mix-up rates over @p held_out (simplified) and @p traditional (the same reports in s2tw).
void mixup_section(const std::vector<std::string>& held_out, const std::vector<std::string>& traditional, bool show_failures) {
  Repairer stage(RepairSettings{});
  std::mt19937 rng(20261127);
  std::printf("mix-ups over %zu held-out reports: whole text | one paragraph of a clean report, %zu a report (exact-document "
              "rate, characters restored; paragraph: clean lines changed)\n",
              held_out.size(), kParagraphsPerReport);
  for (const bench::Mixup kind : bench::all_mixups()) {
    std::string line = std::string("  ") + bench::name(kind);
    line.resize(18, ' ');
    for (const bench::WrongDecoder decoder : {bench::WrongDecoder::whatwg, bench::WrongDecoder::python, bench::WrongDecoder::python_ignore}) {
      if (decoder != bench::WrongDecoder::whatwg && bench::lossless(kind, bench::WrongDecoder::python)) break;
      MixupTally whole, part;
      bool shown = false, shown_part = false;
      for (std::size_t r = 0; r < held_out.size(); ++r) {
        const std::string clean = bench::keep_encodable(bench::traditional_source(kind) ? traditional[r] : held_out[r], kind);
        const auto damaged = bench::mix_up(clean, kind, decoder);
        if (!damaged) continue;
        const std::string want = bench::run_stage(stage, clean).text;
        const auto o = bench::score_mixup_against(stage, want, *damaged, std::nullopt);
        whole.add(o);
        if (show_failures && !o.exact && !shown) {
          shown = true;
          std::printf("  FAIL %s %s whole, held-out report %zu\n", bench::name(kind), bench::name(decoder), r);
          print_difference(bench::run_stage(stage, *damaged).text, want);
        }
        auto lines = bench::lines_with_non_ascii(clean, 20);
        std::shuffle(lines.begin(), lines.end(), rng);
        lines.resize(std::min<std::size_t>(lines.size(), kParagraphsPerReport));
        for (const std::size_t pick : lines)
          if (const auto one = bench::mix_up_line(clean, pick, kind, decoder)) {
            const auto o = bench::score_mixup_against(stage, want, *one, pick);
            part.add(o);
            if (show_failures && !o.exact && !shown_part) {
              shown_part = true;
              std::printf("  FAIL %s %s paragraph %zu, held-out report %zu\n", bench::name(kind), bench::name(decoder), pick, r);
              print_difference(bench::run_stage(stage, *one).text, want);
            }
          }
      }
      char cell[200];
      std::snprintf(cell, sizeof cell, "%s%s %.3f %.3f | %.3f %.3f %.3f", decoder != bench::WrongDecoder::whatwg ? "; " : "",
                    bench::lossless(kind, decoder) ? (bench::lossless(kind, bench::WrongDecoder::python) ? "lossless" : "whatwg (lossless)")
                                                   : bench::name(decoder),
                    whole.rate(whole.exact), whole.mean_restored(), part.rate(part.exact), part.mean_restored(), part.rate(part.outside));
      line += cell;
    }
    std::printf("%s\n", line.c_str());
  }
  // Not a wrong codec but two encodings in one file: a GBK paragraph in UTF-8 text and the reverse.
  {
    std::string line = "  mixed bytes     ";
    for (const bool line_in_utf8 : {false, true}) {
      MixupTally part;
      for (const std::string& report : held_out) {
        const std::string clean = bench::keep_encodable(report, bench::Mixup::gbk_as_latin1);
        const std::string want = bench::run_stage(stage, clean).text;
        auto lines = bench::lines_with_non_ascii(clean, 20);
        std::shuffle(lines.begin(), lines.end(), rng);
        lines.resize(std::min<std::size_t>(lines.size(), kParagraphsPerReport));
        for (const std::size_t pick : lines)
          if (const auto raw = bench::mixed_bytes_line(clean, pick, line_in_utf8)) part.add(bench::score_mixup_against(stage, want, *raw, pick));
      }
      char cell[160];
      std::snprintf(cell, sizeof cell, "%s%s paragraph in %s text: %.3f %.3f %.3f", line_in_utf8 ? "; " : "", line_in_utf8 ? "UTF-8" : "GBK",
                    line_in_utf8 ? "GBK" : "UTF-8", part.rate(part.exact), part.mean_restored(), part.rate(part.outside));
      line += cell;
    }
    std::printf("%s\n", line.c_str());
  }
  // False repairs on the clean reports, as UTF-8 and in their legacy encodings.
  std::size_t simplified = 0, trad = 0, gbk = 0, big5 = 0;
  for (std::size_t r = 0; r < held_out.size(); ++r) {
    simplified += bench::has_mojibake_repair(bench::run_stage(stage, held_out[r]));
    trad += bench::has_mojibake_repair(bench::run_stage(stage, traditional[r]));
    if (const auto b = bench::encode_source(bench::keep_encodable(held_out[r], bench::Mixup::gbk_as_big5), bench::Mixup::gbk_as_big5))
      gbk += bench::has_mojibake_repair(bench::run_stage(stage, *b));
    if (const auto b = bench::encode_source(bench::keep_encodable(traditional[r], bench::Mixup::big5_as_gbk), bench::Mixup::big5_as_gbk))
      big5 += bench::has_mojibake_repair(bench::run_stage(stage, *b));
  }
  std::printf("false repairs on clean held-out reports (documents with a mojibake-* or decode-error repair): UTF-8 simplified %zu, "
              "UTF-8 traditional %zu, GBK %zu, Big5 %zu (of %zu each)\n",
              simplified, trad, gbk, big5, held_out.size());
  // The ftfy spec cases, read in place.
  const fs::path ftfy = bench::ftfy_dir(DOCPIPE_SHARED_DIR);
  const std::set<std::string> cleaning = {"html", "escape", "control", "whitespace"};
  {
    const auto cases = bench::read_ftfy_cases(ftfy / "negative.json");
    std::size_t alone = 0;
    for (const auto& c : cases) {
      const docpipe::Document d = bench::run_stage(stage, c.original);
      const bool ok = std::all_of(d.repairs.begin(), d.repairs.end(), [&](const docpipe::Repair& r) { return cleaning.count(r.kind) > 0; });
      alone += ok;
      if (show_failures && !ok) std::printf("  FALSE REPAIR %s\n    %s\n    -> %s\n", c.label.c_str(), c.original.c_str(), d.text.c_str());
    }
    std::printf("ftfy negative.json: %zu of %zu left alone (false repairs: %zu)\n", alone, cases.size(), cases.size() - alone);
  }
  std::string fixes = "ftfy fixes exact (pure encoding fix, of which one UTF-8 as Latin-1/Windows-1252 mix-up | fix_text also cleans "
                      "up: vs fix_encoding | ftfy fails):";
  for (const char* file : {"in-the-wild", "synthetic", "language-names"}) {
    std::size_t n[4] = {0, 0, 0, 0}, ok[4] = {0, 0, 0, 0};
    for (const auto& c : bench::read_ftfy_cases(ftfy / (std::string(file) + ".json"))) {
      const int group = !c.expect_pass ? 2 : c.pure_encoding() ? 0 : 1;
      const std::string got = bench::run_stage(stage, c.original).text;
      const std::string want = bench::run_stage(stage, c.encoding_fix()).text;
      ++n[group];
      ok[group] += got == want;
      // Our kinds: the original is exactly what the generator makes of the fix.
      bool ours = false;
      for (const auto kind : {bench::Mixup::utf8_as_latin1, bench::Mixup::utf8_as_cp1252})
        for (const auto decoder : {bench::WrongDecoder::whatwg, bench::WrongDecoder::python})
          ours = ours || bench::mix_up(c.encoding_fix(), kind, decoder) == c.original;
      if (group == 0 && ours) {
        ++n[3];
        ok[3] += got == want;
      }
      if (show_failures && got != want && group < 2)
        std::printf("  NOT FIXED %s: %s\n    %s\n    -> %s\n    want %s\n", file, c.label.c_str(), c.original.c_str(), got.c_str(), want.c_str());
    }
    char cell[160];
    std::snprintf(cell, sizeof cell, " %s %zu/%zu (%zu/%zu) | %zu/%zu | %zu/%zu;", file, ok[0], n[0], ok[3], n[3], ok[1], n[1], ok[2], n[2]);
    fixes += cell;
  }
  fixes.pop_back();
  std::printf("%s\n", fixes.c_str());
}

}  // namespace

void utf8_loss_section(const std::vector<std::string>& held_out, const std::vector<std::string>& traditional,
                       std::uint32_t copies, bool show_failures) {
  std::printf("one-byte damage in UTF-8, %u copies a report, one damaged character each:\n", copies);
  for (int script = 0; script < 2; ++script) {
    const auto& reports = script == 0 ? held_out : traditional;
    Repairer stage(RepairSettings{});
    std::vector<std::string> clean;
    for (const std::string& r : reports) clean.push_back(bench::run_stage(stage, r).text);
    for (const bench::ByteDamage kind : bench::all_byte_damage()) {
      std::size_t docs = 0, exact = 0, wrong = 0, left = 0;
      for (std::size_t i = 0; i < reports.size(); ++i) {
        for (std::uint32_t copy = 0; copy < copies; ++copy) {
          std::size_t n = 0;
          const std::string raw = bench::damage_utf8(reports[i], kind, 1, copy * 7919u + static_cast<std::uint32_t>(i), n);
          if (n == 0) continue;
          const docpipe::Document d = bench::run_stage(stage, raw);
          ++docs;
          const bool read = std::any_of(d.repairs.begin(), d.repairs.end(), [](const docpipe::Repair& r) { return r.kind.rfind("mojibake", 0) == 0; });
          if (d.text == clean[i]) ++exact;
          else if (!read || d.text.find("\xEF\xBF\xBD") != std::string::npos) ++left;
          else ++wrong;
          if (show_failures && d.text != clean[i]) {
            const std::size_t at = std::mismatch(d.text.begin(), d.text.end(), clean[i].begin(), clean[i].end()).first - d.text.begin();
            const std::size_t from = at > 12 ? at - 12 : 0;
            std::size_t start = from;
            while (start > 0 && (static_cast<unsigned char>(clean[i][start]) & 0xC0) == 0x80) --start;
            std::printf("FAIL %s\n  expected %s\n  repaired %s\n", bench::name(kind), cut(clean[i], start).c_str(), cut(d.text, start).c_str());
          }
        }
      }
      std::printf("  %-11s %-18s documents %4zu  exact %.3f  wrong %.3f  left %.3f\n", script == 0 ? "simplified" : "traditional",
                  bench::name(kind), docs, docs ? double(exact) / double(docs) : 0.0, docs ? double(wrong) / double(docs) : 0.0,
                  docs ? double(left) / double(docs) : 0.0);
    }
  }
}

void dropped_lead_section(const std::vector<std::string>& held_out, const std::vector<std::string>& traditional,
                          std::size_t per_report, bool show_failures, const CharModel& model) {
  std::printf("lost lead bytes with no '?' left, %zu chunks a report:\n", per_report);
  LostByteOptions options;
  options.fold_punctuation = true;
  std::mt19937 rng(20261127);
  for (int script = 0; script < 2; ++script) {
    std::size_t damaged = 0, exact = 0, changed = 0, clean_changed = 0;
    for (const std::string& text : script == 0 ? held_out : traditional) {
      auto chunks = chunks_of(text, 300);
      std::shuffle(chunks.begin(), chunks.end(), rng);
      std::size_t used = 0;
      for (const std::string& chunk : chunks) {
        if (used == per_report) break;
        auto sample = bench::damage_random(chunk, rng, 4, bench::InvalidPair::vanish);
        if (!sample) continue;
        ++used;
        ++damaged;
        std::string input = sample->damaged;
        input.erase(sample->site, 1);  // the `?` the scraper never wrote
        const std::string repaired = apply(input, find_dropped_lead_fixes(input, model, [&]() -> const LostByteOptions& { return options; }, {}), 0.5);
        exact += repaired == sample->expected;
        changed += repaired != input;
        if (show_failures && repaired != sample->expected)
          std::printf("FAIL\n  damaged  %s\n  expected %s\n  repaired %s\n", cut(input, sample->site).c_str(),
                      cut(sample->expected, sample->site).c_str(), cut(repaired, sample->site).c_str());
        const std::string& clean = sample->expected;
        const std::string again = apply(clean, find_dropped_lead_fixes(clean, model, [&]() -> const LostByteOptions& { return options; }, {}), 0.5);
        clean_changed += again != clean;
        if (show_failures && again != clean) std::printf("FALSE\n  clean    %s\n  repaired %s\n", clean.c_str(), again.c_str());
      }
    }
    std::printf("  %-11s damaged chunks %zu, exact-repair rate %.3f, changed at all %.3f; false-repair rate %.4f of the same chunks clean\n",
                script == 0 ? "simplified" : "traditional", damaged, damaged ? double(exact) / double(damaged) : 0.0,
                damaged ? double(changed) / double(damaged) : 0.0, damaged ? double(clean_changed) / double(damaged) : 0.0);
  }
}

namespace {

int run(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--speed") {
    for (int i = 2; i < argc; ++i) speed_of_folder(argv[i]);
    return 0;
  }
  // A trailing `failures` (after --dropped-lead, --utf8-loss or --mixup): taken off the arguments.
  auto take_failures = [&] {
    const bool yes = argc > 1 && std::string(argv[argc - 1]) == "failures";
    if (yes) --argc;
    return yes;
  };
  const bool mixup_only = argc > 1 && std::string(argv[1]) == "--mixup";
  const bool utf8_loss_only = argc > 1 && std::string(argv[1]) == "--utf8-loss";
  const bool dropped_lead_only = argc > 1 && std::string(argv[1]) == "--dropped-lead";
  std::size_t dropped_per_report = 5;
  bool dropped_failures = false;
  if (dropped_lead_only) {
    --argc, ++argv;
    dropped_failures = take_failures();
    if (argc > 2) dropped_per_report = std::stoul(argv[2]);
    argc = std::min(argc, 2);
  }
  std::uint32_t utf8_copies = 20;
  bool utf8_failures = false;
  if (utf8_loss_only) {
    --argc, ++argv;
    utf8_failures = take_failures();
    if (argc > 2) utf8_copies = static_cast<std::uint32_t>(std::stoul(argv[2]));
    argc = std::min(argc, 2);
  }
  bool mixup_failures = false;
  if (mixup_only) {
    --argc, ++argv;
    mixup_failures = take_failures();
  }
  const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports";
  const std::size_t per_report = argc > 2 && !mixup_only ? std::stoul(argv[2]) : 40;
  const std::string mode_arg = argc > 3 ? argv[3] : "";
  const bool show_failures = mode_arg == "failures";
  const bool diagnose_failures = mode_arg == "diagnose";
  const bool quality_only = show_failures || diagnose_failures || mode_arg == "quality";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  opencc::SimpleConverter s2tw("s2tw.json");
  const std::string model_blob = argc > 4 ? read_file(argv[4]) : std::string();
  std::optional<CharModel> own_model;
  if (argc > 4) own_model.emplace(model_blob);
  const CharModel& model = own_model ? *own_model : CharModel::embedded();

  std::vector<std::string> held_out;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (held_out_of_training(i)) held_out.push_back(read_file(files[i]));
  std::printf("held-out reports: %zu of %zu (never seen by the character model)\n", held_out.size(), files.size());

  std::vector<std::string> traditional;
  for (const auto& r : held_out) traditional.push_back(s2tw.Convert(r));
  if (mixup_only) {
    mixup_section(held_out, traditional, mixup_failures);
    return 0;
  }
  if (utf8_loss_only) {
    utf8_loss_section(held_out, traditional, utf8_copies, utf8_failures);
    return 0;
  }
  if (dropped_lead_only) {
    dropped_lead_section(held_out, traditional, dropped_per_report, dropped_failures, model);
    return 0;
  }

  std::mt19937 rng(20240124);
  LostByteOptions options;
  options.fold_punctuation = true;
  for (int run = 0; run < 4; ++run) {
    const int script = run / 2;
    const auto mode = run % 2 ? bench::InvalidPair::question_mark : bench::InvalidPair::vanish;
    Quality q;
    Diagnosis diag;
    for (const std::string& report : held_out) {
      const std::string text = script == 0 ? report : s2tw.Convert(report);
      auto chunks = chunks_of(text, 300);
      std::shuffle(chunks.begin(), chunks.end(), rng);
      std::size_t used = 0;
      for (const std::string& chunk : chunks) {
        if (used == per_report) break;
        const auto sample = bench::damage_random(chunk, rng, 4, mode);
        if (!sample) continue;
        ++used;
        ++q.damaged;
        const auto t0 = Clock::now();
        const auto fixes = find_lost_byte_fixes(sample->damaged, model, options);
        q.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
        q.bytes += sample->damaged.size();
        const std::string repaired = apply(sample->damaged, fixes, 0.5);
        q.exact += repaired == sample->expected;
        if (show_failures && repaired != sample->expected) {
          std::size_t d = 0;
          while (d < repaired.size() && d < sample->expected.size() && repaired[d] == sample->expected[d]) ++d;
          std::printf("FAIL site %zu diff %zu\n  damaged  %s\n  expected %s\n  repaired %s\n", sample->site, d,
                      cut(sample->damaged, sample->site).c_str(), cut(sample->expected, sample->site).c_str(),
                      cut(repaired, sample->site).c_str());
        }
        if (diagnose_failures && repaired != sample->expected) diagnose(*sample, fixes, model, options, diag);
        q.exact_but_digit += exact_but_lost_digit(repaired, sample->expected);
        q.repaired_any += repaired != sample->damaged;
        // The same chunk undamaged: folded question marks are triggers that must stay untouched.
        // The same chunk undamaged, with one sentence turned into a question (a real, folded `?`,
        // which starts a candidate run): any change is a false repair.
        std::string clean = sample->expected;
        std::vector<std::size_t> stops;
        for (std::size_t p = clean.find("。"); p != std::string::npos; p = clean.find("。", p + 1)) stops.push_back(p);
        if (!stops.empty()) clean.replace(stops[rng() % stops.size()], std::string("。").size(), "?");
        ++q.clean_total;
        if (clean.find('?') != std::string::npos) {
          ++q.clean_with_trigger;
          q.clean_changed += apply(clean, find_lost_byte_fixes(clean, model, options), 0.5) != clean;
        }
        // The same chunk undamaged, with one character between two Han characters written as `?`
        // (by an encoder whose charset lacked it): any change is a false repair. Its own generator,
        // so that the damage drawn above stays what it was.
        if (const std::string replaced = with_character_replaced(sample->expected, q.damaged); !replaced.empty()) {
          ++q.replaced;
          q.replaced_changed += apply(replaced, find_lost_byte_fixes(replaced, model, options), 0.5) != replaced;
        }
      }
    }
    std::printf("%s, invalid pair %s: damaged chunks %zu, exact-repair rate %.3f (exact but for a swallowed digit: %.3f more; "
                "changed at all %.3f); clean chunks %zu (%zu with a '?'), false-repair rate %.4f of those; with a "
                "character written as '?' %zu, false-repair rate %.4f; repair search %.3f MB/s on damaged chunks\n",
                script == 0 ? "simplified" : "traditional", run % 2 ? "-> '?'" : "vanishes", q.damaged,
                double(q.exact) / double(q.damaged), double(q.exact_but_digit) / double(q.damaged),
                double(q.repaired_any) / double(q.damaged), q.clean_total, q.clean_with_trigger,
                q.clean_with_trigger ? double(q.clean_changed) / double(q.clean_with_trigger) : 0.0, q.replaced,
                q.replaced ? double(q.replaced_changed) / double(q.replaced) : 0.0, double(q.bytes) / 1e6 / q.seconds);
    if (diagnose_failures) diag.print();
  }

  if (quality_only) return 0;
  // Speed: the whole stage on clean UTF-8 and on GBK input, beside iconv on the same bytes.
  std::vector<std::string> gbk;
  std::size_t utf8_bytes = 0, gbk_bytes = 0;
  for (const auto& r : held_out) {
    gbk.push_back(to_gbk(r));
    utf8_bytes += r.size();
    gbk_bytes += gbk.back().size();
  }
  Repairer repairer(RepairSettings{});
  for (int round = 0; round < 2; ++round) {
    double stage_utf8 = 0, stage_gbk = 0;
    for (int rep = 0; rep < 5; ++rep) {
      for (const auto& r : held_out) {
        docpipe::Document d;
        d.raw = r;
        const auto t0 = Clock::now();
        repairer.process(d);
        stage_utf8 += std::chrono::duration<double>(Clock::now() - t0).count();
      }
      for (const auto& g : gbk) {
        docpipe::Document d;
        d.raw = g;
        const auto t0 = Clock::now();
        repairer.process(d);
        stage_gbk += std::chrono::duration<double>(Clock::now() - t0).count();
      }
    }
    double iconv_utf8 = 0, iconv_gbk = 0;
    for (int rep = 0; rep < 5; ++rep) {
      iconv_utf8 += iconv_seconds("UTF-8", held_out);
      iconv_gbk += iconv_seconds("GBK", gbk);
    }
    if (round == 0) continue;  // the first round warms caches and loads the tables
    const double mb_utf8 = 5.0 * double(utf8_bytes) / 1e6, mb_gbk = 5.0 * double(gbk_bytes) / 1e6;
    std::printf("clean UTF-8 input (%.1f MB): stage %.0f MB/s, iconv UTF-8->UTF-8 %.0f MB/s, ratio %.2f\n", mb_utf8 / 5,
                mb_utf8 / stage_utf8, mb_utf8 / iconv_utf8, iconv_utf8 / stage_utf8);
    std::printf("GBK input (%.1f MB): stage (detect + decode + repair + clean) %.0f MB/s, iconv GBK->UTF-8 %.0f MB/s, ratio %.2f\n",
                mb_gbk / 5, mb_gbk / stage_gbk, mb_gbk / iconv_gbk, iconv_gbk / stage_gbk);
  }
  // Last, so that the suite's table (which shows each benchmark's last lines) shows it.
  mixup_section(held_out, traditional, false);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && (std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help")) {
    std::puts("usage: bench_encoding_repair [CORPUS_REPORTS_DIR] [SAMPLES_PER_REPORT] [quality|failures|diagnose] [MODEL_FILE]\n"
              "       bench_encoding_repair --speed FOLDER...\n"
              "       bench_encoding_repair --mixup [CORPUS_REPORTS_DIR] [failures]\n"
              "       bench_encoding_repair --utf8-loss [CORPUS_REPORTS_DIR] [COPIES_PER_REPORT] [failures]\n"
              "       bench_encoding_repair --dropped-lead [CORPUS_REPORTS_DIR] [SAMPLES_PER_REPORT] [failures]\n"
              "The comment at the top of tests/bench/encoding-repair/bench_encoding_repair.cpp says what each prints.");
    return 0;
  }
  // A missing folder or a number that does not parse is the caller's mistake: say so, exit 2.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_encoding_repair: %s (--help for usage)\n", e.what());
    return 2;
  }
}
