#include "document_codec.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

#include "docpipe/copy_short.hpp"

namespace docpipe::engine {

namespace {

// Bump when a field is added: a checkpoint of another version is not replayed but reprocessed.
// Version 2: the text is stored as a flag when it equals the raw bytes (valid UTF-8 input).
constexpr std::string_view magic = "DPDOC\x01";
constexpr std::uint32_t format_version = 2;

// Fields are gathered in a buffer on the stack and appended to the output a few kilobytes at a time:
// a document has hundreds of thousands of small fields (two offsets per sentence, number, link, ...),
// and one std::string::append per field cost more than the whole document's text.
class Writer {
 public:
  /// Writes everything into @p out.
  explicit Writer(std::string& out) : out_(out) {}
  /// Writes the small fields into @p out and leaves strings longer than the buffer where they are,
  /// listed in order with the parts of @p out between them in @p pieces (see pieces()).
  Writer(std::string& out, std::vector<std::string_view>& pieces) : out_(out), pieces_(&pieces) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  [[gnu::always_inline]] void u64(std::uint64_t v) {
    if (sizeof buf_ - used_ < 8) flush();
    char* at = buf_ + used_;
    if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
      std::memcpy(at, &v, 8);
    } else {
      for (int i = 0; i < 8; ++i) at[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    }
    used_ += 8;
  }
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void f64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  void str(std::string_view s) {
    u64(s.size());
    const std::size_t n = s.size();
    if (n > sizeof buf_ - used_) {
      flush();
      if (n > sizeof buf_) {
        if (pieces_) {
          external_.push_back({s, out_.size()});
        } else {
          out_.append(s);
        }
        return;
      }
    }
    char* at = buf_ + used_;
    used_ += n;
    // Most strings are a few bytes (units, kinds, number texts): copied without a call.
    if (n <= 16) {
      docpipe::detail::copy_short(at, s);
    } else {
      std::memcpy(at, s.data(), n);
    }
  }
  void span(const Span& s) {
    u64(s.begin);
    u64(s.end);
  }
  void opt(const std::optional<double>& v) {
    u64(v.has_value());
    if (v) f64(*v);
  }
  void map(const std::map<std::string, std::string>& m) {
    u64(m.size());
    for (const auto& [k, v] : m) {
      str(k);
      str(v);
    }
  }
  /// Appends what is gathered; call once after the last field.
  void flush() {
    out_.append(buf_, used_);
    used_ = 0;
  }
  /// After the last flush(), with a pieces list: fills it, the parts of the output between the
  /// long strings and the long strings, in order. (Views into the output are taken only now, when
  /// it no longer grows.)
  void finish_pieces() {
    std::size_t from = 0;
    for (const External& e : external_) {
      if (e.at > from) pieces_->push_back(std::string_view(out_).substr(from, e.at - from));
      pieces_->push_back(e.bytes);
      from = e.at;
    }
    if (out_.size() > from) pieces_->push_back(std::string_view(out_).substr(from));
  }

 private:
  // A long string left in place, and where in the output it belongs.
  struct External {
    std::string_view bytes;
    std::size_t at;
  };
  std::string& out_;
  std::vector<std::string_view>* pieces_ = nullptr;
  std::vector<External> external_;
  std::size_t used_ = 0;
  char buf_[4096];
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    at_ += 8;
    return v;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  int i32() { return static_cast<int>(i64()); }
  double f64() {
    const std::uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    need(n);
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  Span span() {
    Span s;
    s.begin = u64();
    s.end = u64();
    return s;
  }
  std::optional<double> opt() {
    if (flag()) return f64();
    return std::nullopt;
  }
  bool flag() {
    const std::uint64_t v = u64();
    if (v > 1) throw DocumentCodecError("document bytes: bad flag");
    return v == 1;
  }
  std::map<std::string, std::string> map() {
    std::map<std::string, std::string> m;
    for (std::uint64_t n = count(16); n > 0; --n) {
      std::string k = str();
      m[std::move(k)] = str();
    }
    return m;
  }
  /// An element count, checked against the bytes left so a corrupt count cannot allocate wildly.
  std::uint64_t count(std::size_t min_element_bytes) {
    const std::uint64_t n = u64();
    if (n > (in_.size() - at_) / min_element_bytes) throw DocumentCodecError("document bytes: count beyond the end");
    return n;
  }
  bool done() const noexcept { return at_ == in_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) throw DocumentCodecError("document bytes: truncated");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

namespace {

void encode_fields(Writer& w, const Document& doc, bool text_is_raw);

}  // namespace

std::string encode_document(const Document& doc) {
  std::string out;
  append_encoded_document(out, doc);
  return out;
}

void append_encoded_document(std::string& out, const Document& doc) {
  // The layers rarely take more bytes than the text: one reservation avoids regrowing a buffer of
  // the document's size.
  const bool text_is_raw = doc.text == doc.raw;
  out.reserve(out.size() + doc.raw.size() + doc.text.size() * (text_is_raw ? 1 : 2) + 4096);
  out.append(magic);
  Writer w(out);
  encode_fields(w, doc, text_is_raw);
  w.flush();
}

std::vector<std::string_view> encode_document_pieces(const Document& doc, std::string& scratch) {
  scratch.clear();
  const bool text_is_raw = doc.text == doc.raw;
  // Without the long strings the layers rarely take more bytes than the text.
  scratch.reserve(doc.text.size() + 4096);
  scratch.append(magic);
  std::vector<std::string_view> pieces;
  Writer w(scratch, pieces);
  encode_fields(w, doc, text_is_raw);
  w.flush();
  w.finish_pieces();
  return pieces;
}

namespace {

void encode_fields(Writer& w, const Document& doc, bool text_is_raw) {
  w.u64(format_version);
  w.str(doc.id);
  w.str(doc.source);
  w.str(doc.raw);
  w.str(doc.encoding.name);
  w.f64(doc.encoding.confidence);
  w.u64(doc.encoding.bom);
  // Valid UTF-8 input becomes its own text: storing it once halves such a checkpoint.
  w.u64(text_is_raw);
  if (!text_is_raw) w.str(doc.text);
  const auto& runs = doc.source_map.runs();
  w.u64(runs.size());
  for (const auto& r : runs) {
    w.u64(r.count);
    w.u64(r.text_unit);
    w.u64(r.source_unit);
  }
  w.u64(doc.repairs.size());
  for (const auto& r : doc.repairs) {
    w.span(r.span);
    w.u64(r.source_begin);
    w.u64(r.source_end);
    w.str(r.before);
    w.str(r.after);
    w.str(r.kind);
    w.f64(r.confidence);
    w.str(r.stage);
    w.str(r.note);
  }
  const Metadata& m = doc.metadata;
  w.str(m.title);
  w.str(m.date);
  w.str(m.meeting);
  w.str(m.region);
  w.i64(m.year);
  w.span(m.title_span);
  w.map(m.extra);
  w.u64(doc.sections.size());
  for (const auto& s : doc.sections) {
    w.i64(s.level);
    w.str(s.label);
    w.str(s.title);
    w.str(s.kind);
    w.span(s.heading);
    w.span(s.span);
    w.i64(s.parent);
  }
  for (const auto* spans : {&doc.paragraphs, &doc.sentences}) {
    w.u64(spans->size());
    for (const auto& s : *spans) w.span(s);
  }
  w.u64(doc.numbers.size());
  for (const auto& n : doc.numbers) {
    w.span(n.span);
    w.str(n.text);
    w.f64(n.value);
    w.opt(n.value_high);
    w.str(n.unit);
    w.str(n.kind);
    w.str(n.qualifier);
  }
  w.u64(doc.indicators.size());
  for (const auto& i : doc.indicators) {
    w.str(i.name);
    w.str(i.canonical);
    w.i64(i.period);
    w.str(i.status);
    w.str(i.measure);
    w.f64(i.value);
    w.opt(i.value_high);
    w.str(i.unit);
    w.str(i.qualifier);
    w.span(i.span);
    w.span(i.sentence);
    w.i64(i.section);
  }
  w.u64(doc.glossary.entries.size());
  for (const auto& e : doc.glossary.entries) {
    w.i64(e.number);
    w.str(e.term);
    w.str(e.definition);
    w.u64(e.aliases.size());
    for (const auto& a : e.aliases) w.str(a);
    w.span(e.span);
    w.span(e.term_span);
    w.str(e.origin);
  }
  w.u64(doc.glossary.links.size());
  for (const auto& l : doc.glossary.links) {
    w.span(l.span);
    w.i64(l.entry);
    w.str(l.kind);
  }
  w.u64(doc.glossary.unresolved.size());
  for (const auto& u : doc.glossary.unresolved) {
    w.str(u.marker);
    w.i64(u.number);
    w.span(u.span);
  }
  w.u64(doc.annotations.size());
  for (const auto& a : doc.annotations) {
    w.span(a.span);
    w.str(a.type);
    w.map(a.attributes);
    w.str(a.producer);
  }
  w.u64(doc.diagnostics.size());
  for (const auto& d : doc.diagnostics) {
    w.u64(static_cast<std::uint64_t>(d.severity));
    w.str(d.code);
    w.str(d.message);
    w.u64(d.span.has_value());
    if (d.span) w.span(*d.span);
    w.str(d.stage);
  }
  w.u64(doc.provenance.size());
  for (const auto& p : doc.provenance) {
    w.str(p.plugin);
    w.str(p.version);
    w.f64(p.milliseconds);
  }
}

}  // namespace

Document decode_document(std::string_view bytes) {
  if (bytes.substr(0, magic.size()) != magic) throw DocumentCodecError("not a docpipe document (bad magic)");
  Reader r(bytes.substr(magic.size()));
  if (const auto v = r.u64(); v != format_version)
    throw DocumentCodecError("document format version " + std::to_string(v) + ", expected " +
                             std::to_string(format_version));
  Document doc;
  doc.id = r.str();
  doc.source = r.str();
  doc.raw = r.str();
  doc.encoding.name = r.str();
  doc.encoding.confidence = r.f64();
  doc.encoding.bom = r.flag();
  doc.text = r.flag() ? doc.raw : r.str();
  // The map's runs are rebuilt through its public append(), which merges exactly as when they were made.
  for (std::uint64_t n = r.count(24); n > 0; --n) {
    const std::uint64_t count = r.u64(), text_unit = r.u64(), source_unit = r.u64();
    if (text_unit == 1 && source_unit == 1) {
      doc.source_map.append(count, count);
      continue;
    }
    if (count > doc.text.size() + doc.raw.size() + 1) throw DocumentCodecError("document bytes: bad source map");
    for (std::uint64_t k = 0; k < count; ++k) doc.source_map.append(text_unit, source_unit);
  }
  for (std::uint64_t n = r.count(64); n > 0; --n) {
    Repair x;
    x.span = r.span();
    x.source_begin = r.u64();
    x.source_end = r.u64();
    x.before = r.str();
    x.after = r.str();
    x.kind = r.str();
    x.confidence = r.f64();
    x.stage = r.str();
    x.note = r.str();
    doc.repairs.push_back(std::move(x));
  }
  Metadata& m = doc.metadata;
  m.title = r.str();
  m.date = r.str();
  m.meeting = r.str();
  m.region = r.str();
  m.year = r.i32();
  m.title_span = r.span();
  m.extra = r.map();
  for (std::uint64_t n = r.count(56); n > 0; --n) {
    Section s;
    s.level = r.i32();
    s.label = r.str();
    s.title = r.str();
    s.kind = r.str();
    s.heading = r.span();
    s.span = r.span();
    s.parent = r.i32();
    doc.sections.push_back(std::move(s));
  }
  for (auto* spans : {&doc.paragraphs, &doc.sentences})
    for (std::uint64_t n = r.count(16); n > 0; --n) spans->push_back(r.span());
  for (std::uint64_t n = r.count(56); n > 0; --n) {
    NumberMention x;
    x.span = r.span();
    x.text = r.str();
    x.value = r.f64();
    x.value_high = r.opt();
    x.unit = r.str();
    x.kind = r.str();
    x.qualifier = r.str();
    doc.numbers.push_back(std::move(x));
  }
  for (std::uint64_t n = r.count(96); n > 0; --n) {
    Indicator x;
    x.name = r.str();
    x.canonical = r.str();
    x.period = r.i32();
    x.status = r.str();
    x.measure = r.str();
    x.value = r.f64();
    x.value_high = r.opt();
    x.unit = r.str();
    x.qualifier = r.str();
    x.span = r.span();
    x.sentence = r.span();
    x.section = r.i32();
    doc.indicators.push_back(std::move(x));
  }
  for (std::uint64_t n = r.count(64); n > 0; --n) {
    GlossaryEntry e;
    e.number = r.i32();
    e.term = r.str();
    e.definition = r.str();
    for (std::uint64_t a = r.count(8); a > 0; --a) e.aliases.push_back(r.str());
    e.span = r.span();
    e.term_span = r.span();
    e.origin = r.str();
    doc.glossary.entries.push_back(std::move(e));
  }
  for (std::uint64_t n = r.count(32); n > 0; --n) {
    GlossaryLink l;
    l.span = r.span();
    l.entry = r.i32();
    l.kind = r.str();
    doc.glossary.links.push_back(std::move(l));
  }
  for (std::uint64_t n = r.count(32); n > 0; --n) {
    UnresolvedMarker u;
    u.marker = r.str();
    u.number = r.i32();
    u.span = r.span();
    doc.glossary.unresolved.push_back(std::move(u));
  }
  for (std::uint64_t n = r.count(40); n > 0; --n) {
    Annotation a;
    a.span = r.span();
    a.type = r.str();
    a.attributes = r.map();
    a.producer = r.str();
    doc.annotations.push_back(std::move(a));
  }
  for (std::uint64_t n = r.count(40); n > 0; --n) {
    Diagnostic d;
    const std::uint64_t severity = r.u64();
    if (severity > static_cast<std::uint64_t>(Severity::error)) throw DocumentCodecError("document bytes: bad severity");
    d.severity = static_cast<Severity>(severity);
    d.code = r.str();
    d.message = r.str();
    if (r.flag()) d.span = r.span();
    d.stage = r.str();
    doc.diagnostics.push_back(std::move(d));
  }
  for (std::uint64_t n = r.count(24); n > 0; --n) {
    StageRun p;
    p.plugin = r.str();
    p.version = r.str();
    p.milliseconds = r.f64();
    doc.provenance.push_back(std::move(p));
  }
  if (!r.done()) throw DocumentCodecError("document bytes: trailing data");
  return doc;
}

}  // namespace docpipe::engine
