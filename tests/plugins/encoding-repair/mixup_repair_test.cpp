#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include "char_model.hpp"
#include "double_byte_table.hpp"
#include "mixup_generator.hpp"
#include "mixup_latin.hpp"
#include "mixup_repair.hpp"
#include "docpipe/utf8.hpp"

using namespace encoding_repair;
namespace bench = encoding_repair::bench;

namespace {
/// @p text encoded as @p right and read back as @p wrong: the mix-up, made with ICU.
std::string mix_up(const std::string& text, const char* right, const char* wrong) {
  UErrorCode st = U_ZERO_ERROR;
  std::string bytes(text.size() * 4 + 16, '\0');
  bytes.resize(static_cast<std::size_t>(ucnv_convert(right, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                                                     text.data(), static_cast<int32_t>(text.size()), &st)));
  REQUIRE(U_SUCCESS(st));
  std::string out(bytes.size() * 4 + 16, '\0');
  out.resize(static_cast<std::size_t>(ucnv_convert("UTF-8", wrong, out.data(), static_cast<int32_t>(out.size()),
                                                   bytes.data(), static_cast<int32_t>(bytes.size()), &st)));
  REQUIRE(U_SUCCESS(st));
  return out;
}
std::string repair(const std::string& text, std::string* kind = nullptr) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& f : find_mixup_fixes(text, CharModel::embedded())) {
    out += text.substr(pos, f.begin - pos) + f.after;
    pos = f.end;
    if (kind) *kind = f.kind;
  }
  return out + text.substr(pos);
}
/// @p text encoded as @p right (ICU) and read back as Windows-1252 the way Python's cp1252 does
/// with errors='replace': the five bytes it leaves undefined become U+FFFD.
std::string as_lossy_cp1252(const std::string& text, const char* right) {
  static const char16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  UErrorCode st = U_ZERO_ERROR;
  std::string bytes(text.size() * 4 + 16, '\0');
  bytes.resize(static_cast<std::size_t>(ucnv_convert(right, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                                                     text.data(), static_cast<int32_t>(text.size()), &st)));
  REQUIRE(U_SUCCESS(st));
  std::string out;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    const char32_t c = b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b;
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
    else out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}
/// @p text encoded as @p right (ICU) and read as @p wrong the way Python's codecs do with
/// errors='replace': a byte that starts no pair the table knows becomes U+FFFD alone, and the
/// decoder goes on at the next byte.
std::string as_lossy_double_byte(const std::string& text, const char* right, Legacy wrong) {
  UErrorCode st = U_ZERO_ERROR;
  std::string bytes(text.size() * 4 + 16, '\0');
  bytes.resize(static_cast<std::size_t>(ucnv_convert(right, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                                                     text.data(), static_cast<int32_t>(text.size()), &st)));
  REQUIRE(U_SUCCESS(st));
  const DoubleByteTable& table = DoubleByteTable::get(wrong);
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    char32_t c = b;
    std::size_t used = 1;
    if (b >= 0x80) {
      c = i + 1 < bytes.size() ? table.decode(b, static_cast<unsigned char>(bytes[i + 1])) : 0;
      used = c ? 2 : 1;
      if (!c) c = 0xFFFD;
    }
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
    else out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
    i += used;
  }
  return out;
}

/// Characters of @p got equal to those of @p want at the same place, or -1 when @p got differs
/// other than by U+FFFD in place of a character (a lost byte shown, not a wrong one invented).
int kept_or_shown(const std::string& got, const std::string& want) {
  std::u32string g, w;
  for (std::size_t p = 0; p < got.size();) g += docpipe::utf8::next(got, p);
  for (std::size_t p = 0; p < want.size();) w += docpipe::utf8::next(want, p);
  if (g.size() != w.size()) return -1;
  int same = 0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g[i] == w[i]) ++same;
    else if (g[i] != 0xFFFD) return -1;
  }
  return same;
}
const std::string kSimplified = "政府工作报告经济社会发展";
const std::string kTraditional = "政府工作報告經濟社會發展";
}  // namespace

TEST_CASE("UTF-8 read as GBK") {
  const std::string broken = mix_up(kSimplified, "UTF-8", "windows-936-2000");
  REQUIRE(broken != kSimplified);
  std::string kind;
  CHECK(repair("一、" + broken + "\n", &kind) == "一、" + kSimplified + "\n");
  CHECK(kind == "mojibake-utf8-as-gbk");
}

TEST_CASE("GBK read as Windows-1252") {
  const std::string broken = mix_up(kSimplified, "windows-936-2000", "windows-1252");
  std::string kind;
  CHECK(repair(broken, &kind) == kSimplified);
  CHECK(kind == "mojibake-gbk-as-latin1");
}

TEST_CASE("UTF-8 read as Windows-1252") {
  const std::string broken = mix_up(kSimplified, "UTF-8", "windows-1252");
  std::string kind;
  CHECK(repair("标题:" + broken, &kind) == "标题:" + kSimplified);
  CHECK(kind == "mojibake-utf8-as-latin1");
}

// Big5 bytes read as GBK land in GBK's user-defined area (kept as Private Use characters) and on
// box-drawing symbols: both must be mapped back.
TEST_CASE("Big5 read as GBK") {
  const std::string broken = mix_up(kTraditional, "windows-950-2000", "windows-936-2000");
  std::string kind;
  CHECK(repair(broken, &kind) == kTraditional);
  CHECK(kind == "mojibake-big5-as-gbk");
}

TEST_CASE("clean text, Latin names and quotes are left alone") {
  for (const std::string& clean : {kSimplified, kTraditional, std::string("“十四五”规划"), std::string("Café Zürich 2024"),
                                  std::string("饕餮纛瓞")}) {
    CHECK(find_mixup_fixes(clean, CharModel::embedded()).empty());
  }
}

// Greek and Cyrillic letters, kana and box drawing have GBK codes: a word of them is a run of
// characters rare in Chinese, yet text in its own script (ftfy negative.json case 0; the Cyrillic
// and box-drawing mojibake of in-the-wild.json, which is not ours to read).
TEST_CASE("Greek, Cyrillic and box drawing are never read as CJK mix-ups") {
  for (const std::string& text :
       {std::string("Η ¨ανατροφή¨ δυστυχώς από τους προπονητές"), std::string("#С„СѓС‚Р±РѕР»"),
        std::string("Привет, как дела"), std::string("#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡"), std::string("ひらがなとカタカナ")}) {
    INFO(text);
    CHECK(repair(text) == text);
  }
  // Big5 read as GBK still is one (its Greek and kana stand among Han and user-defined codes).
  const std::string broken = mix_up(kTraditional, "windows-950-2000", "windows-936-2000");
  CHECK(repair(broken) == kTraditional);
}

// Any script: strict UTF-8 under a run of Latin-1/Windows-1252 characters is near-certain evidence.
TEST_CASE("UTF-8 read as Windows-1252 is undone in any script") {
  for (const std::string& clean : {std::string("رسالة"), std::string("Čeština"), std::string("✔ No problems"),
                                   std::string("Hôtel de Police"), std::string("Ελληνικά"), std::string("Русский"),
                                   std::string("RUF MICH ZURÜCK"), std::string("Rīga")}) {
    const std::string broken = mix_up(clean, "UTF-8", "windows-1252");
    REQUIRE(broken != clean);
    std::string kind;
    INFO(broken);
    CHECK(repair(broken, &kind) == clean);
    CHECK(kind == "mojibake-utf8-as-latin1");
  }
  // Twice mixed up reads twice: `nÃƒÂ©` -> `né`.
  const std::string twice = mix_up(mix_up("Iggy Pop (né Jim Osterberg)", "UTF-8", "windows-1252"), "UTF-8", "windows-1252");
  CHECK(repair(twice) == "Iggy Pop (né Jim Osterberg)");
}

// Latin-1 text that happens to be valid UTF-8 (ftfy negative.json and synthetic.json): the reading
// would be IPA, Armenian or Hangul, or rests on a letter before punctuation or a no-break space.
TEST_CASE("Latin-1 text that looks like UTF-8 is left alone") {
  for (const std::string& text :
       {std::string("Join ZZAJÉ’s Official Fan List"), std::string("NESTLÉ® requiere contratar personal"),
        std::string("SELKÄ\u00A0EDELLÄ\u00A0MAAHAN via @YouTube"), std::string("Offering 5×£35 pin ups"),
        std::string("Bremer/Mccoy – DrÃ¥ber"), std::string("4288×…"), std::string("RETWEET SE VOCÊ…"),
        std::string("HUHLL Õ…"), std::string("AHÅ™, the new sofa from IKEA"), std::string("a radius of 10 Å—"),
        std::string("There are a lot of Ã’s in mojibake text"), std::string("I'm not such a fan of Charlotte Brontë…”"),
        std::string("ESSE CARA AI QUEM É¿"), std::string("``toda produzida pronta pra assa aí´´")}) {
    INFO(text);
    CHECK(find_mixup_fixes(text, CharModel::embedded()).empty());
  }
}

// A few Latin-1 characters read as GBK are chance (`RÄ¶` as 亩); believed next to a long GBK run.
TEST_CASE("short GBK readings of Latin-1 need a long one in the same text") {
  const std::string word = mix_up("中国", "windows-936-2000", "windows-1252");
  CHECK(repair("the " + word + " team") == "the " + word + " team");
  const std::string line = mix_up(kSimplified, "windows-936-2000", "windows-1252");
  CHECK(repair(line + "\nthe " + word + " team") == kSimplified + "\nthe 中国 team");
}

// Python's cp1252 writes U+FFFD for 0x81 0x8D 0x8F 0x90 0x9D: each is one of those bytes, chosen by
// validity and the model; where no reading is clearly best the U+FFFD stays.
TEST_CASE("UTF-8 read as lossy Windows-1252 gets its lost bytes back") {
  const std::string passage = "国务院总理在十四届全国人大会议上作政府工作报告，回顾过去一年的经济社会发展成就。";
  const std::string broken = as_lossy_cp1252(passage, "UTF-8");
  REQUIRE(broken.find("\uFFFD") != std::string::npos);
  std::string kind;
  CHECK(repair(broken, &kind) == passage);
  CHECK(kind == "mojibake-utf8-as-latin1");
  CHECK(repair(as_lossy_cp1252("“quoted”", "UTF-8")) == "“quoted”");
  // The last byte of an emoji F0 9F 98 xx: 0x81 0x8D 0x8F 0x90 0x9D are five faces the model
  // cannot tell apart, so the loss is shown; the rest of the run is still read.
  CHECK(repair("Hi \u00F0\u0178\u02DC\uFFFD \u00E2\u0153\u201D") == "Hi \uFFFD ✔");
}

// Each U+FFFD of a lossy GBK or Big5 reading is one rejected byte: the bytes around it are read
// across it, and it gets the byte that reads clearly best (or stays U+FFFD), never a guess.
TEST_CASE("lossy CJK mix-ups are read across their U+FFFD") {
  const std::string simplified =
      "五年完成固定资产投资、外贸进出口总额、注册外资实际到账分别达1.5万亿元、1437.4亿美元、150亿美元，"
      "分别是“十一五”时期的2倍、1.8倍、1.5倍。";
  const std::string traditional =
      "五年完成固定資產投資、外貿進出口總額、註冊外資實際到賬分別達1.5萬億元、1437.4億美元、150億美元，"
      "分別是“十一五”時期的2倍、1.8倍、1.5倍。";
  struct Case {
    const std::string& clean;
    const char* right;
    Legacy wrong;
    const char* kind;
  };
  for (const Case& c : {Case{simplified, "UTF-8", Legacy::gbk, "mojibake-utf8-as-gbk"},
                        Case{traditional, "windows-950-2000", Legacy::gbk, "mojibake-big5-as-gbk"}}) {
    const std::string broken = as_lossy_double_byte(c.clean, c.right, c.wrong);
    REQUIRE(broken.find("\uFFFD") != std::string::npos);
    std::string kind;
    const std::string got = repair(broken, &kind);
    INFO(broken << "\n" << got);
    const int same = kept_or_shown(got, c.clean);
    CHECK(same >= 0);
    CHECK(same * 10 >= 9 * static_cast<int>(docpipe::utf8::length(c.clean)));
    CHECK(kind == c.kind);
  }
  // GBK read as lossy Windows-1252: 蹚 is 0xF5 0x8F, and 0x8F became U+FFFD.
  const std::string gbk_clean = "坚持蹚出一条新路，推动经济社会高质量发展，全面建设现代化强市。";
  const std::string gbk_broken = as_lossy_cp1252(gbk_clean, "windows-936-2000");
  REQUIRE(gbk_broken.find("\uFFFD") != std::string::npos);
  std::string gbk_kind;
  const std::string gbk_got = repair(gbk_broken, &gbk_kind);
  INFO(gbk_broken << "\n" << gbk_got);
  CHECK(kept_or_shown(gbk_got, gbk_clean) >= 0);
  CHECK(gbk_kind == "mojibake-gbk-as-latin1");
  // A decode error in clean text is no mix-up.
  const std::string clean = "政府工作报告\uFFFD经济社会发展，全市地区生产总值\uFFFD先后迈上新台阶。";
  CHECK(find_mixup_fixes(clean, CharModel::embedded()).empty());
}

// Python's errors='ignore' drops what the GBK decoder rejects and leaves no U+FFFD. A dropped byte
// is always a UTF-8 trail byte, so the wrong reading's bytes break UTF-8 where one was lost: the
// text reads as it does with the U+FFFD written (errors='replace'). Sentences of the Baotou report
// of 2015 (corpus/reports/city_baotou_2015.txt).
TEST_CASE("UTF-8 read as GBK by a decoder that dropped what it rejected is read as if it had written U+FFFD") {
  const std::string clean =
      "已入驻80余家企业，增加值占全市农牧业的45%。新晋2个国家级龙头企业、9个国家级农牧民专业合作社。"
      "土右旗和九原区分别被评为国家和自治区级示范园区，达茂旗被评为全国草原保护建设科技综合示范区。\n";
  const auto ignored = bench::mix_up(clean, bench::Mixup::utf8_as_gbk, bench::WrongDecoder::python_ignore);
  const auto replaced = bench::mix_up(clean, bench::Mixup::utf8_as_gbk, bench::WrongDecoder::python);
  REQUIRE(ignored);
  REQUIRE(replaced);
  REQUIRE(ignored->find("\uFFFD") == std::string::npos);
  REQUIRE(replaced->find("\uFFFD") != std::string::npos);
  std::string kind;
  const std::string got = repair(*ignored, &kind);
  INFO(*ignored << "\n" << got);
  CHECK(got == repair(*replaced));
  CHECK(kind == "mojibake-utf8-as-gbk");
  // Each lost byte the model reads clearly is back (个 and 家 lost their last byte, 余家 a pair in
  // the user-defined area); where two bytes of one character were lost (被, and 。 before the line
  // break), or 、 and 。 fit alike (before 9个), the loss is shown as U+FFFD.
  CHECK(got ==
        "已入驻80余家企业，增加值占全市农牧业的45%。新晋2个国家级龙头企业\uFFFD9个国家级农牧民专业合作社。"
        "土右旗和九原区分别被评为国家和自治区级示范园区，达茂旗\uFFFD评为全国草原保护建设科技综合示范区\uFFFD\n");
  // GBK text that is not such a mix-up is no UTF-8 with bytes missing: nothing is read.
  const std::string prose = "坚持蹚出一条新路，推动经济社会高质量发展，全面建设现代化强市。\n";
  CHECK(find_mixup_fixes(prose, CharModel::embedded()).empty());
}

// Python's cp1252 with errors='ignore' leaves out its five undefined bytes (81 8D 8F 90 9D), all
// UTF-8 trail bytes: a sequence one trail short gets it back where one reading is clearly best
// (at either place: 发 is E5 8F 91), a lead whose two trails were both dropped is shown as U+FFFD.
TEST_CASE("UTF-8 read as Windows-1252 by a decoder that dropped its undefined bytes") {
  const std::string clean = "确定物流业“六园区、一支点”发展布局，钢铁建材物流园区新增企业368家，集中度达到85%。\n";
  const auto ignored = bench::mix_up(clean, bench::Mixup::utf8_as_cp1252, bench::WrongDecoder::python_ignore);
  REQUIRE(ignored);
  REQUIRE(ignored->find("\uFFFD") == std::string::npos);
  REQUIRE(docpipe::utf8::length(*ignored) < docpipe::utf8::length(clean) * 3);  // bytes were dropped
  std::string kind;
  const std::string got = repair(*ignored, &kind);
  INFO(*ignored << "\n" << got);
  CHECK(kind == "mojibake-utf8-as-latin1");
  // 材 is E6 9D 90: both its trails are undefined in Windows-1252.
  CHECK(got == "确定物流业“六园区、一支点”发展布局，钢铁建\uFFFD物流园区新增企业368家，集中度达到85%。\n");
  // Text one trail short of UTF-8 that would read as no CJK is not read so: `â€` might be ” (E2 80
  // 9D) but also four other characters, and nothing here judges Latin text.
  CHECK_FALSE(read_latin_run_as_utf8("Ã©Ã¨Ã¢Ã§â€", ' ', CharModel::embedded()));
  CHECK_FALSE(read_latin_run_as_utf8("Ã©Ã¨Ã¢Ã§â€ Ã©Ã¨Ã¢Ã§", ' ', CharModel::embedded()));
}

// A lost byte's characters that are script variants of each other are one choice, settled by the
// script around them: the model has read the reports in both scripts, and where it kept a rare
// context in one only, the other script can lead by far (新晉 by 1.4 decades before 新晋).
TEST_CASE("a lost byte read as one of two script variants takes the script of the text around it") {
  const std::string simplified = "增加值占全市农牧业的45%。新晋2个国家级龙头企业。\n";
  const auto broken = bench::mix_up(simplified, bench::Mixup::utf8_as_gbk, bench::WrongDecoder::python);
  REQUIRE(broken);
  const std::string got = repair(*broken);
  INFO(*broken << "\n" << got);
  CHECK(got.find("新晋2个") != std::string::npos);
  CHECK(got.find("晉") == std::string::npos);
}

// GBK bytes read by Python's big5 codec (errors='replace'), written down as it gave them: its ETEN
// kana stand for GBK pairs (ぶ is C6 DA: 期 is C6 DA in GBK; こ 品, イ 汽, わ 企). Before the stage
// knew them, each split its run and took the characters around it with it (`“十二五”ぶ间`, `イ车`).
TEST_CASE("GBK read as Big5 by Python: the ETEN characters its codec writes are read back") {
  const std::string clean = "“十二五”期间全市地区生产总值先后迈上3000亿元、4000亿元、5000亿元台阶。社会消费品零售总额比"
                            "2010年增长88.3%，汽车零部件项目落户我市，上市企业数量从2010年的21家增加到2015年的38家。";
  const std::string python = "※坋媼拻§ぶ潔\uFFFD封迮媋釂\uFFFD莉軞硉珂綴闐奻3000砬啋﹜4000砬啋﹜5000砬啋怢論﹝扦頗秏煤こ錨忮軞塗掀"
                             "2010爛崝酗88.3%ㄛイ陬錨窒璃砐醴邈誧扂庈ㄛ奻庈わ珛杅講植2010爛腔21模崝樓善2015爛腔38模﹝";
  std::string kind;
  const std::string got = repair(python, &kind);
  INFO(got);
  CHECK(kind == "mojibake-gbk-as-big5");
  // The two bytes Python rejected come back where one character reads clearly best, else U+FFFD.
  const int same = kept_or_shown(got, clean);
  CHECK(same >= 0);
  CHECK(same + 2 >= static_cast<int>(docpipe::utf8::length(clean)));
  for (const char* part : {"“十二五”期间", "社会消费品零售总额", "汽车零部件项目", "上市企业数量从2010年的21家"})
    CHECK(got.find(part) != std::string::npos);
}

// GBK text read by Python's gb2312 codec (errors='replace'; a charset detector's usual guess for a
// simplified page), written down as it gave it: a character GB2312 lacks loses its lead byte to a
// U+FFFD and the trail is read again, as ASCII (镕 is E9 46: 朱�F基), as the lead of the next pair
// (勠 is 84 DB: the reading is out of step, 哿ν, until another byte is rejected), or rejected too
// when it is 0x80-0xA0 (〇 is A9 96, 蹚 DB 8F: two U+FFFD for one character).
TEST_CASE("GBK read as GB2312 is read back around each rejected byte") {
  std::string kind;
  CHECK(repair("坚定信心、开拓奋进，\uFFFD哿ν\uFFFD心、拼搏实干。", &kind) == "坚定信心、开拓奋进，勠力同心、拼搏实干。");
  CHECK(kind == "mojibake-gbk-as-gb2312");
  CHECK(repair("国务院总理朱\uFFFDF基作政府工作报告。") == "国务院总理朱镕基作政府工作报告。");
  CHECK(repair("二\uFFFD\uFFFD二五年一月五日在呼和浩特市第十六届人民代表大会第四次会议上") ==
        "二〇二五年一月五日在呼和浩特市第十六届人民代表大会第四次会议上");
  // 蹚 (4 reports of 195) does not read 10x better than the other characters two lost bytes can be.
  CHECK(repair("勇\uFFFD\uFFFD深水区、敢啃硬骨头。") == "勇\uFFFD\uFFFD深水区、敢啃硬骨头。");
  // A U+FFFD where nothing reads clearly better stays.
  CHECK(repair("政府工作报告\uFFFD经济社会发展。") == "政府工作报告\uFFFD经济社会发展。");
  // 璠 is AD 5B: its trail came back as `[`. No character reads clearly best, and no other mix-up may
  // claim the two alone (Big5's A5 5B is 加: read as Big5 read as GBK, nothing else would change).
  CHECK(repair("政府工作报告（2025年1月5日 夏锡\uFFFD[）") == "政府工作报告（2025年1月5日 夏锡\uFFFD）");
}

TEST_CASE("GBK read as Big5 by a decoder with the ETEN extension: read whole, or in parts where it is no GBK whole") {
  // Python's big5 codec reads GBK 求 (C7 F3) as ⑴ and 期 (C6 DA) as ぶ, codes of the ETEN extension
  // that the Big5 table here (Windows-950) leaves to the user-defined area: turned back into those
  // bytes, the run reads as GBK.
  std::string kind;
  CHECK(repair("澄厥恛笢⑴輛馱釬軞價覃ㄛ芢雄詢窐講楷桯﹝", &kind) == "坚持稳中求进工作总基调，推动高质量发展。");
  CHECK(kind == "mojibake-gbk-as-big5");
  CHECK(repair("﹜※坋媼拻§ぶ潔") == "、“十二五”期间");
  // The same bytes through a browser (Chromium's Big5 decoder, HKSCS: 期 is ヽ there).
  CHECK(repair("﹜※坋媼拻§ヽ潔") == "、“十二五”期间");
  // Through errors='ignore' (Python's codec, written down as it gave it) bytes were dropped and the
  // run is no GBK as a whole: it is read in parts between those characters, each part of three
  // characters or more on its own (the part before こ lost a byte and stays).
  const std::string ignored = "拻爛懂ㄛ封迮媋釂莉軞硉珂綴闐奻陔怢論ㄛ扦頗秏煤こ錨忮軞塗厥哿崝酗ㄛイ陬錨窒璃砐醴邈誧扂庈﹝";
  const std::string got = repair(ignored);
  INFO(got);
  CHECK(got.find("こ零售总额持续增长，イ车零部件项目落户我市。") != std::string::npos);
  // Parts of fewer than three characters stay as they are; clean traditional prose too.
  CHECK(repair("ぶ潔ぶ") == "ぶ潔ぶ");
  CHECK(repair("政府工作報告ぶ推動高質量發展。") == "政府工作報告ぶ推動高質量發展。");
}

namespace {
/// @p text mixed up as @p kind the way a browser's decoder (WHATWG) does it, by the benchmark's
/// generator (tests/bench/encoding-repair/mixup_generator.hpp): for GBK, a lone byte 0x80 is `€`, a
/// user-defined-area pair its Private Use Area code point, anything else it rejects U+FFFD, the
/// second byte read again only when it is ASCII; Big5 likewise.
std::string as_whatwg(const std::string& text, bench::Mixup kind) {
  const auto out = bench::mix_up(text, kind, bench::WrongDecoder::whatwg);
  REQUIRE(out);
  return *out;
}
std::string as_whatwg_gbk(const std::string& text) { return as_whatwg(text, bench::Mixup::utf8_as_gbk); }
}  // namespace

TEST_CASE("UTF-8 read as GBK by a browser: `€` and Private Use Area characters inside the run") {
  // 社会消费品零售总额同比增长 in UTF-8 is e7 a4 be e4 bc 9a e6 b6 88 e8 b4 b9 e5 93 81 e9 9b b6
  // e5 94 ae e6 80 bb e9 a2 9d e5 90 8c e6 af 94 e5 a2 9e e9 95 bf. Read as GBK two bytes at a time,
  // (ae e6) is a user-defined pair, U+E1BD; the lone 80 (总's second byte, where a lead was
  // expected) is `€`; (a2 9d) user-defined again, U+E582.
  const std::string clean = "社会消费品零售总额同比增长";
  const std::string broken = "绀句細娑堣垂鍝侀浂鍞\uE1BD€婚\uE582鍚屾瘮澧為暱";
  REQUIRE(as_whatwg_gbk(clean) == broken);
  std::string kind;
  CHECK(repair(broken + "\n", &kind) == clean + "\n");
  CHECK(kind == "mojibake-utf8-as-gbk");
  // 一 is e4 b8 80: `涓€`, the best-known mojibake of all, at the start of the run.
  const std::string first = "一季度全市社会消费品零售总额同比增长百分之八";
  const std::string first_broken = as_whatwg_gbk(first);
  REQUIRE(first_broken.rfind("涓€", 0) == 0);
  CHECK(repair(first_broken) == first);
  // A `€` at the end of the run (a trail byte 80 before ASCII) is read too: 一 then 5.
  const std::string tail = "社会消费品零售总额同比增长一5";
  REQUIRE(as_whatwg_gbk(tail).find("€5") != std::string::npos);
  CHECK(repair(as_whatwg_gbk(tail)) == tail);
}

TEST_CASE("a real euro sign or Private Use Area character stays") {
  // In clean text: a price in euros, the sign between Han characters, a user-defined character
  // (a company's own glyph in the Private Use Area) beside Chinese text.
  for (const std::string clean : {"门票价格为€5，比去年上涨百分之十。", "欧元符号€用于标价。", "€政府工作报告",
                                   "本公司标志\uE000位于首页，\uE5E6\uE4C8经济社会发展。"}) {
    INFO(clean);
    CHECK(find_mixup_fixes(clean, CharModel::embedded()).empty());
  }
  // A real euro sign right after mojibake (before ASCII) is not taken for the byte 0x80: the run is
  // read up to it and the sign stays.
  const std::string broken = mix_up(kSimplified, "UTF-8", "windows-936-2000");
  CHECK(repair(broken + "€5") == kSimplified + "€5");
  CHECK(repair(broken + "€") == kSimplified + "€");
  // Between two mojibake runs it leaves no valid reading of the whole: each side is read apart.
  CHECK(repair(broken + "€" + broken + "\n") == kSimplified + "€" + kSimplified + "\n");
}

TEST_CASE("Big5 read as GBK by a browser: user-defined pairs are read back") {
  // Big5 一 (a4 40) and 、 (a1 42) are user-defined pairs in GBK: U+E5E6 and U+E4C8.
  const std::string clean = "一、政府工作報告經濟社會發展";
  const std::string broken = as_whatwg(clean, bench::Mixup::big5_as_gbk);
  REQUIRE(broken.rfind("\uE5E6\uE4C8", 0) == 0);
  std::string kind;
  CHECK(repair(broken + "\n", &kind) == clean + "\n");
  CHECK(kind == "mojibake-big5-as-gbk");
  // Alone before ASCII the two are too short a run to judge: read where the document has a long
  // Big5-as-GBK run, else left alone (a real user-defined character).
  const std::string heading = as_whatwg("一、2023年工作回顧\n", bench::Mixup::big5_as_gbk);
  REQUIRE(heading == "\uE5E6\uE4C8" + as_whatwg("2023年工作回顧\n", bench::Mixup::big5_as_gbk));
  CHECK(repair(heading + broken + "\n") == "一、2023年工作回顧\n" + clean + "\n");
  CHECK(repair(heading) == "一、2023年工作回顧\n");  // 年工作回顧's own mojibake is evidence enough
  CHECK(find_mixup_fixes("\uE5E6\uE4C8 2023年工作回顾\n", CharModel::embedded()).empty());
}

TEST_CASE("UTF-8 read as GBK twice or three times is read back in one repair per run") {
  // Made byte by byte: UTF-8, read as GBK (as a browser does), written as UTF-8 and read as GBK
  // again. Read once, the run is still mojibake (楠炴儼... reads as 骞惰...), which reads far better
  // read once more.
  const std::string clean = "并请市政协委员和列席人员提出意见";
  const std::string once = as_whatwg_gbk(clean);
  const std::string twice = as_whatwg_gbk(once);
  REQUIRE(once != clean);
  REQUIRE(twice != once);
  REQUIRE(twice.find("\uFFFD") == std::string::npos);
  const auto fixes = find_mixup_fixes("一、" + twice + "\n", CharModel::embedded());
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].begin == std::string("一、").size());
  CHECK(fixes[0].end == fixes[0].begin + twice.size());
  CHECK(fixes[0].after == clean);
  CHECK(fixes[0].kind == "mojibake-utf8-as-gbk");
  // The single mix-up reads exactly as before, and the clean sentence is left alone.
  CHECK(repair(once + "\n") == clean + "\n");
  CHECK(find_mixup_fixes(clean + "\n", CharModel::embedded()).empty());
  // Three times: twelve characters whose three mix-ups are all lossless.
  const std::string report = "经济社会发展取得不凡业绩";
  const std::string thrice = as_whatwg_gbk(as_whatwg_gbk(as_whatwg_gbk(report)));
  REQUIRE(thrice.find("\uFFFD") == std::string::npos);
  CHECK(repair(thrice + "\n") == report + "\n");
  // The first mix-up lossy: 上 (e4 b8 8a) ends on a lead, 0x8a, before ASCII, which the first GBK
  // reading rejects (`涓�3000`); its U+FFFD, re-encoded, is `锟` and a byte the second rejects. The
  // run read twice is exact up to the lost character, which stays a U+FFFD.
  const std::string lossy = as_whatwg_gbk(as_whatwg_gbk("全市地区生产总值先后迈上3000"));
  REQUIRE(lossy.find("\uFFFD") != std::string::npos);
  CHECK(repair(lossy + "\n") == "全市地区生产总值先后迈\uFFFD3000\n");
  // The same after ASCII and full-width punctuation, 比 lost before 2010.
  const std::string sales = as_whatwg_gbk(as_whatwg_gbk("13%；社会消费品零售总额比2010"));
  REQUIRE(sales.find("\uFFFD2010") != std::string::npos);
  CHECK(repair(sales + "\n") == "13%；社会消费品零售总额\uFFFD2010\n");
}

TEST_CASE("GBK read as Big5 by a browser: a character dropped with both its bytes") {
  // WHATWG's Big5 decoder writes one U+FFFD for a lead and a non-ASCII trail it has no pair for and
  // goes on after both. 人 is GBK c8 cb and 全 c8 ab: Windows-950 (the table here) has no row c8, so
  // each is lost whole; the other characters come out as Big5 mojibake (市 ca d0 as 庈, 民 c3 f1 as
  // 鏍, 年 c4 ea as 爛, ...).
  const auto as_whatwg_big5 = [](const std::string& clean) { return as_whatwg(clean, bench::Mixup::gbk_as_big5); };
  // 人 between 市 and 民政府 reads best by far; 强 (c7 bf: Python's cp950 reads Ч there, the ICU
  // table here nothing) after 加 does not stand out enough among the characters Big5 drops and
  // stays U+FFFD.
  const std::string clean = "市人民政府关于进一步加强城市管理工作的通知";
  const std::string broken = "庈\uFFFD鏍淉葬壽衾輛珨祭樓\uFFFD傑庈奪燴馱釬腔籵眭";
  REQUIRE(as_whatwg_big5(clean) == broken);
  std::string kind;
  CHECK(repair(broken + "\n", &kind) == "市人民政府关于进一步加\uFFFD城市管理工作的通知\n");
  CHECK(kind == "mojibake-gbk-as-big5");
  // At the start of a line 全年 and 去年 (去 is c8 a5, lost the same way) both read: not guessed.
  const std::string year = "全年国内生产总值比上年增长百分之五";
  REQUIRE(as_whatwg_big5(year) == "\uFFFD爛弊囀汜莉軞硉掀奻爛崝酗啃煦眳拻");
  CHECK(repair(as_whatwg_big5(year)) == "\uFFFD年国内生产总值比上年增长百分之五");
  // Only where the reading is GBK read as Big5: a U+FFFD in clean text stays.
  CHECK(find_mixup_fixes("各地\uFFFD民政府要加强管理\n", CharModel::embedded()).empty());
}

// Python's gbk codec rejects byte by byte: a Big5 character whose lead it rejects, and whose trail it
// rejects again as a lead before the next byte, becomes two U+FFFD (明, A9 FA, before 顯's C5: FA C5
// is user-defined in GBK). Inputs as Python 3.11 wrote them: big5 bytes, .decode('gbk', 'replace').
TEST_CASE("Big5 read as GBK by Python: a character lost with both its bytes is guessed between its neighbours") {
  const std::string broken =
      "\u00A8\uFFFDQ\uFFFDGき〃戳丁侯\uFFFDX龟\uFFFDO\uFFFD\uFFFD陪矗ど\uFFFDA\uFFFD\uFFFDカ\uFFFDa跋ネ玻羆"
      "\uFFFD圈~А糤\uFFFD\uFFFD10.7%\uFFFDA狝叭穨ゑ\uFFFD\uFFFDパ2010\uFFFD~\uFFFD\uFFFD41.0%矗蔼\uFFFD\uFFFD2015"
      "\uFFFD~\uFFFD\uFFFD48.2%\uFFFDC";
  const std::string got = repair(broken);
  INFO(broken << "\n" << got);
  CHECK(got.find("綜合實力明顯提升") != std::string::npos);
  CHECK(got.find("全市地區生產總值年均增長10.7%") != std::string::npos);
  // Every other U+FFFD was read, or left as U+FFFD: no wrong character.
  CHECK(kept_or_shown(got, "“十二五”期間綜合實力明顯提升，全市地區生產總值年均增長10.7%，服務業比重由2010年的41.0%"
                           "提高到2015年的48.2%。") >= 0);
}

// Big5's 。 is A1 43, which Python's gbk reads as U+FFFD and `C`. Alone on its line, that reading of
// lost bytes only proves nothing; the Big5 read as GBK around it does.
TEST_CASE("a reading of lost bytes only is taken where the text has readings of that mix-up elsewhere") {
  const std::string broken =
      "\uFFFDC\n\uFFFD]\uFFFD@\uFFFD^侯\uFFFDX龟\uFFFDO\uFFFD\uFFFD陪矗ど\uFFFDC\u00A8\uFFFDQ\uFFFDGき〃戳丁\uFFFD\uFFFDカ"
      "\uFFFDa跋ネ玻羆\uFFFD去\uFFFD\uFFFD崃冥W3000货じ\uFFFDB4000货じ\uFFFDB5000货じ籓顶\uFFFDC";
  const std::string got = repair(broken);
  INFO(got);
  CHECK(got.rfind("。\n（一）綜合實力明顯提升。", 0) == 0);
  // The same `�C` in clean text: nothing else reads as Big5, so it stays.
  const std::string clean = "\uFFFDC\n本市今年新建道路十二條，改造老舊小區三十個。";
  CHECK(repair(clean) == clean);
}

// Python's gbk with errors='ignore' drops Big5's punctuation leads (A1 41, `，`, is user-defined in
// GBK) and keeps the ASCII trail: `，` is `A`, `、` `B`, `。` `C`. Inputs as Python 3.11 wrote them
// from big5 bytes.
TEST_CASE("Big5 read as GBK by a decoder that dropped what it rejected: letters left of punctuation are read back") {
  const std::string broken =
      "き~ㄓAカ竒蕾龟O陪糤眏Aa跋ネ玻羆去崃冥W3000货じB4000货じB5000货じ籓顶A~А糤10.7%Cu穨竒蕾锣ど纽ó末陪A狝叭穨ゑ矗蔼48.2%C";
  const std::string got = repair(broken);
  INFO(got);
  CHECK(got.find("3000億元、4000億元、5000億元臺階，年均") != std::string::npos);
  CHECK(got.find("10.7%。工業經濟") != std::string::npos);
  // A Latin word stays the text's own (the `，` after it is read).
  const std::string words = "き~ㄓAカGDP~А糤10.7%A狝叭穨ゑ矗蔼48.2%AA绚Wカ穨笷38產C";
  const std::string read = repair(words);
  INFO(read);
  CHECK(read.find("GDP年均") != std::string::npos);
  CHECK(read.find("10.7%，服務業") != std::string::npos);
}

// Whole-text mojibake leaves runs of two characters between figures (`2010爛腔41.0%`): too short for
// the model to judge alone, they are read where a longer run of the text reads as the same mix-up.
TEST_CASE("runs of two characters are read where the text has a longer run of the same mix-up") {
  const std::string clean = "五年来，服务业比重由2010年的41.0%提高到2015年的48.2%，经济结构持续优化。";
  const std::string broken = mix_up(clean, "windows-936-2000", "windows-950-2000");
  REQUIRE(broken.find("2010爛腔41.0%") != std::string::npos);
  std::string kind;
  CHECK(repair(broken, &kind) == clean);
  CHECK(kind == "mojibake-gbk-as-big5");
  // Alone, the same two characters are no evidence of anything.
  const std::string alone = "2010爛腔41.0%";
  CHECK(repair(alone) == alone);
}

// GBK read as Big5 by a browser (headless Chromium, a page declaring big5; tests/bench/encoding-
// repair/browser_mixups.py): its decoder reads HKSCS, which codes GBK's 三 (C8 FD) as ʊ, a character
// with no GBK code that ends the run scan's runs, and GBK's 区 (C7 F8) as Cyrillic Е, which
// Windows-950 codes as C7 B2 (GBK's 遣). A text holding a character only that decoder writes is read
// back through its codes.
TEST_CASE("GBK read as Big5 by a browser: its HKSCS characters go back to the bytes it read them from") {
  const std::string broken =
      "蛌倰汔撰傖虴珆翍﹝湮薯芢輛※ʊ弇珨极§馱珛冪撳蛌倰汔撰桵謹睿珋測督昢珛ʊ爛俴雄數赫ㄛ枑詢冪撳楷桯腔窐講睿虴祔ㄛ"
      "ʊ棒莉珛賦凳蚕2010爛腔3.3:\n70%ㄛ挕輛Е\uFFFD弊觼游蜊賂彸萸馱釬衄唗芢輛﹝湮薯芢輛";
  const std::string got = repair(broken);
  INFO(got);
  CHECK(got.find("大力推进“三位一体”工业经济转型升级战略和现代服务业三年行动计划") != std::string::npos);
  CHECK(got.find("三次产业结构由2010年的3.3:") != std::string::npos);
  CHECK(got.find("武进区") != std::string::npos);
}
