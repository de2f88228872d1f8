#pragma once
/// @file testkit/matchers.hpp
/// Catch2 (v2) matchers over a processed Document's layers and diagnostics:
/// @code
///   CHECK_THAT(doc, HasAnnotation("keyword").onText("营商环境").withAttribute("keyword", "营商环境"));
///   CHECK_THAT(doc, HasDiagnostic("glossary-unresolved-marker").withSeverity(docpipe::Severity::warning));
///   CHECK_THAT(doc, HasRepairKind("html"));
///   CHECK_THAT(doc, HasValidSpans());
///   CHECK_THAT(doc, !HasDiagnostic("keyword-tag-empty-list"));
/// @endcode
/// A failed match prints what the document does have, so the message shows the near miss.

#include <map>
#include <optional>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "docpipe/document.hpp"
#include "docpipe/testkit/span_checks.hpp"

namespace docpipe::testkit {

namespace detail {
/// "type×count" for every value @p key_of yields over @p items, for failure messages.
template <class Items, class KeyOf>
std::string tally(const Items& items, KeyOf key_of) {
  std::map<std::string, int> counts;
  for (const auto& item : items) ++counts[key_of(item)];
  std::string out;
  for (const auto& [key, n] : counts) out += (out.empty() ? "" : ", ") + key + "×" + std::to_string(n);
  return out.empty() ? "none" : out;
}
}  // namespace detail

/// Matches a document with at least @p count annotations of a type, optionally on a given text and
/// with given attributes.
class HasAnnotation : public Catch::MatcherBase<Document> {
 public:
  /// An annotation of @p type.
  explicit HasAnnotation(std::string type) : type_(std::move(type)) {}
  /// ... whose span's text is @p text.
  HasAnnotation& onText(std::string text) {
    text_ = std::move(text);
    return *this;
  }
  /// ... with attribute @p key equal to @p value.
  HasAnnotation& withAttribute(std::string key, std::string value) {
    attributes_[std::move(key)] = std::move(value);
    return *this;
  }
  /// ... made by plugin @p producer.
  HasAnnotation& from(std::string producer) {
    producer_ = std::move(producer);
    return *this;
  }
  /// ... at least @p count of them (exactly, with exactly()).
  HasAnnotation& times(std::size_t count) {
    count_ = count;
    return *this;
  }
  /// Makes times() an exact count.
  HasAnnotation& exactly() {
    exact_ = true;
    return *this;
  }

  /// True when @p doc has the annotations.
  bool match(const Document& doc) const override {
    std::size_t found = 0;
    for (const Annotation& a : doc.annotations) {
      if (a.type != type_) continue;
      if (text_ && a.span.of(doc.text) != *text_) continue;
      if (producer_ && a.producer != *producer_) continue;
      bool attrs = true;
      for (const auto& [k, v] : attributes_) {
        auto it = a.attributes.find(k);
        attrs = attrs && it != a.attributes.end() && it->second == v;
      }
      found += attrs;
    }
    return exact_ ? found == count_ : found >= count_;
  }

  /// For the failure message.
  std::string describe() const override {
    std::ostringstream s;
    s << "has " << (exact_ ? "exactly " : "at least ") << count_ << " annotation(s) of type '" << type_ << "'";
    if (text_) s << " on \"" << *text_ << "\"";
    for (const auto& [k, v] : attributes_) s << " with " << k << "=\"" << v << "\"";
    if (producer_) s << " from " << *producer_;
    return s.str();
  }

 private:
  std::string type_;
  std::optional<std::string> text_;
  std::optional<std::string> producer_;
  std::map<std::string, std::string> attributes_;
  std::size_t count_ = 1;
  bool exact_ = false;
};

/// Matches a document with a diagnostic of a code, optionally of a severity and from a stage.
class HasDiagnostic : public Catch::MatcherBase<Document> {
 public:
  /// A diagnostic with code @p code.
  explicit HasDiagnostic(std::string code) : code_(std::move(code)) {}
  /// ... of severity @p severity.
  HasDiagnostic& withSeverity(Severity severity) {
    severity_ = severity;
    return *this;
  }
  /// ... reported by plugin @p stage.
  HasDiagnostic& from(std::string stage) {
    stage_ = std::move(stage);
    return *this;
  }
  /// ... whose span's text is @p text.
  HasDiagnostic& onText(std::string text) {
    text_ = std::move(text);
    return *this;
  }

  /// True when @p doc has such a diagnostic.
  bool match(const Document& doc) const override {
    for (const Diagnostic& d : doc.diagnostics) {
      if (d.code != code_) continue;
      if (severity_ && d.severity != *severity_) continue;
      if (stage_ && d.stage != *stage_) continue;
      if (text_ && (!d.span || d.span->of(doc.text) != *text_)) continue;
      return true;
    }
    return false;
  }

  /// For the failure message.
  std::string describe() const override {
    std::string s = "has a diagnostic '" + code_ + "'";
    if (severity_) s += std::string(" of severity ") + to_string(*severity_);
    if (stage_) s += " from " + *stage_;
    if (text_) s += " on \"" + *text_ + "\"";
    return s;
  }

 private:
  std::string code_;
  std::optional<Severity> severity_;
  std::optional<std::string> stage_;
  std::optional<std::string> text_;
};

/// Matches a document with a repair of a kind (or, with prefix(), of a kind starting with it, e.g.
/// `mojibake`), optionally with a given replacement text.
class HasRepairKind : public Catch::MatcherBase<Document> {
 public:
  /// A repair of kind @p kind.
  explicit HasRepairKind(std::string kind) : kind_(std::move(kind)) {}
  /// Accepts every kind that starts with the given one.
  HasRepairKind& prefix() {
    prefix_ = true;
    return *this;
  }
  /// ... that turned @p before into @p after.
  HasRepairKind& changing(std::string before, std::string after) {
    before_ = std::move(before);
    after_ = std::move(after);
    return *this;
  }

  /// True when @p doc has such a repair.
  bool match(const Document& doc) const override {
    for (const Repair& r : doc.repairs) {
      if (prefix_ ? r.kind.rfind(kind_, 0) != 0 : r.kind != kind_) continue;
      if (before_ && (r.before != *before_ || r.after != *after_)) continue;
      return true;
    }
    return false;
  }

  /// For the failure message.
  std::string describe() const override {
    std::string s = "has a repair of kind '" + kind_ + "'" + (prefix_ ? "*" : "");
    if (before_) s += " changing \"" + *before_ + "\" to \"" + *after_ + "\"";
    return s;
  }

 private:
  std::string kind_;
  bool prefix_ = false;
  std::optional<std::string> before_, after_;
};

/// Matches a document whose every span keeps the offset contract (testkit/span_checks.hpp).
class HasValidSpans : public Catch::MatcherBase<Document> {
 public:
  /// True when span_problems() finds nothing.
  bool match(const Document& doc) const override {
    problems_ = span_problems(doc, 5);
    return problems_.empty();
  }
  /// For the failure message: the first problems found.
  std::string describe() const override {
    std::string s = "keeps the span contract";
    for (const auto& p : problems_) s += "\n  - " + p;
    return s;
  }

 private:
  mutable std::vector<std::string> problems_;
};

}  // namespace docpipe::testkit

namespace Catch {
/// Prints a Document in failure messages as a summary of its layers rather than its whole text.
template <>
struct StringMaker<docpipe::Document> {
  /// The summary.
  static std::string convert(const docpipe::Document& doc) {
    using docpipe::testkit::detail::tally;
    std::ostringstream s;
    s << "Document '" << doc.id << "' (" << doc.text.size() << " text bytes)"
      << "\n  annotations: " << tally(doc.annotations, [](const docpipe::Annotation& a) { return a.type; })
      << "\n  diagnostics: " << tally(doc.diagnostics, [](const docpipe::Diagnostic& d) { return d.code; })
      << "\n  repairs: " << tally(doc.repairs, [](const docpipe::Repair& r) { return r.kind; })
      << "\n  sections " << doc.sections.size() << ", numbers " << doc.numbers.size() << ", indicators "
      << doc.indicators.size() << ", glossary entries " << doc.glossary.entries.size() << "\n";
    return s.str();
  }
};
}  // namespace Catch
