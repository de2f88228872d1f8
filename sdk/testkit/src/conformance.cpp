#include "docpipe/testkit/conformance.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "docpipe/export/document_json.hpp"
#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/exported_symbols.hpp"
#include "docpipe/testkit/span_checks.hpp"

namespace docpipe::testkit {

namespace fs = std::filesystem;

bool ConformanceReport::ok() const noexcept {
  if (checks.empty()) return false;
  for (const auto& c : checks)
    if (!c.passed) return false;
  return true;
}

std::vector<std::string> ConformanceReport::problems() const {
  std::vector<std::string> out;
  for (const auto& c : checks)
    if (!c.passed) out.push_back(c.name + ": " + c.detail);
  return out;
}

std::string ConformanceReport::summary() const {
  std::string out = "conformance of " + file.string() + "\n";
  for (const auto& c : checks)
    out += std::string(c.passed ? "  ok    " : "  FAIL  ") + c.name + (c.detail.empty() ? "" : ": " + c.detail) + "\n";
  return out;
}

const std::string& builtin_sample_text() {
  // Written for the kit (not taken from a real report): the shapes stages look for, in miniature.
  static const std::string text =
      "示范区2024年政府工作报告\n"
      "——2024年1月18日在示范区第五届人民代表大会第三次会议上\n"
      "区长 李明\n\n"
      "各位代表：\n"
      "现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员提出意见。\n\n"
      "一、2023年工作回顾\n"
      "全区地区生产总值完成186.4亿元，同比增长5.6%；一般公共预算收入12.3亿元，增长4.1%。"
      "新增城镇就业3200人，“一网通办”(1)事项占比达到98%。GDP核算口径保持不变🙂。\n\n"
      "（一）产业发展\n"
      "规模以上工业增加值增长7%，新建5G基站420个。\n\n"
      "二、2024年主要目标\n"
      "地区生产总值增长6%左右，居民人均可支配收入增长6.5%，粮食产量稳定在30万吨以上。\n\n"
      "名词解释：\n"
      "(1)一网通办：企业和群众办事只需登录一个平台、提交一次材料即可办结。\n";
  return text;
}

namespace {

using Sink = std::function<void(const ConformanceCheck&)>;

std::string canonical_json(Document doc) {
  doc.provenance.clear();  // wall times differ between runs by nature
  std::string out;
  json::Writer w(out);
  exporting::write_document_json(w, doc);
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep = "; ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string number_text(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

// Values the schema of @p p must refuse.
std::vector<std::string> invalid_values(const ParamSpec& p) {
  switch (p.type) {
    case ParamType::integer: {
      std::vector<std::string> v{"not-a-number", "1.5", ""};
      if (p.min) v.push_back(number_text(std::ceil(*p.min) - 1));
      if (p.max) v.push_back(number_text(std::floor(*p.max) + 1));
      return v;
    }
    case ParamType::number: {
      std::vector<std::string> v{"not-a-number", "nan", ""};
      if (p.min) v.push_back(number_text(*p.min - 1));
      if (p.max) v.push_back(number_text(*p.max + 1));
      return v;
    }
    case ParamType::boolean: return {"maybe", ""};
    case ParamType::choice: return {"not-one-of-the-choices", ""};
    case ParamType::path: return {""};
    default: return {};  // any string is a string
  }
}

// Values the schema declares valid besides the default, each of which must start a working stage.
std::vector<std::string> declared_values(const ParamSpec& p) {
  std::vector<std::string> v;
  switch (p.type) {
    case ParamType::boolean: v = {"true", "false"}; break;
    case ParamType::choice: v = p.choices; break;
    case ParamType::integer:
      if (p.min) v.push_back(number_text(std::ceil(*p.min)));
      if (p.max) v.push_back(number_text(std::floor(*p.max)));
      break;
    case ParamType::number:
      if (p.min) v.push_back(number_text(*p.min));
      if (p.max) v.push_back(number_text(*p.max));
      break;
    default: break;
  }
  std::erase(v, p.default_value);
  return v;
}

Document sample_document(const ConformanceOptions& options) {
  return document_from_bytes(options.sample_text.empty() ? builtin_sample_text() : options.sample_text, "sample",
                             "conformance-sample.txt");
}

// Spans that break every rule: reversed, past the end, inside a UTF-8 sequence, huge.
Document hostile_layers_document(const ConformanceOptions& options) {
  Document doc = sample_document(options);
  const std::size_t n = doc.text.size();
  const std::vector<Span> bad = {{5, 2}, {0, n + 100}, {1, 2}, {n, n + 1}, {SIZE_MAX - 1, SIZE_MAX}, {n + 7, 3}};
  for (const Span& s : bad) {
    doc.paragraphs.push_back(s);
    doc.sentences.push_back(s);
    NumberMention m;
    m.span = s;
    doc.numbers.push_back(m);
    Annotation a;
    a.span = s;
    a.type = "conformance-probe";
    a.producer = "testkit";
    doc.annotations.push_back(a);
    Section sec;
    sec.heading = s;
    sec.span = s;
    doc.sections.push_back(sec);
    doc.report(Severity::info, "conformance-probe", "an impossible span", s, "testkit");
  }
  doc.metadata.title_span = bad.front();
  return doc;
}

class Checker {
 public:
  Checker(fs::path file, const ConformanceOptions& options, fs::path root, Sink sink)
      : file_(std::move(file)), options_(options), root_(std::move(root)), sink_(std::move(sink)) {}

  void run() {
    std::optional<PluginUnderTest> plugin;
    check("loads", [&] {
      plugin.emplace(PluginUnderTest::load(file_));
      return "plugin '" + plugin->descriptor().name + "' " + plugin->descriptor().version;
    });
    if (!plugin) return;
    plugin_ = &*plugin;
    check("descriptor", [&] { return check_descriptor(); });
    check("parameters", [&] { return check_parameters(); });
    bool started = false;
    check("starts", [&] {
      start(options_.params);
      started = true;
      return std::string("with the defaults") + (options_.params.empty() ? "" : " and the given parameters");
    });
    if (started) {
      check("sample", [&] { return check_sample(); });
      check("hostile-input", [&] { return check_hostile_input(); });
      check("two-instances", [&] { return check_two_instances(); });
    }
  }

  // Reads the library with nm, loads nothing: safe to run in the parent, even after a crash.
  void run_exports() {
    if (options_.check_exports) check("exports", [&] { return check_exports(); });
  }

 private:
  struct Problem : std::runtime_error {
    using std::runtime_error::runtime_error;
  };

  void check(const std::string& name, const std::function<std::string()>& body) {
    begin_(name);
    ConformanceCheck c{name, false, {}};
    const auto t0 = std::chrono::steady_clock::now();
    try {
      c.detail = body();
      c.passed = true;
    } catch (const std::exception& e) {
      c.detail = e.what();
    } catch (...) {
      c.detail = "unknown exception";
    }
    // Reported, never asserted: a pathological slow path shows up in the summary.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    c.detail += " [" + std::to_string(ms) + " ms]";
    sink_(c);
  }

  // Every stage writes below the run's root folder, which the caller removes even after a crash.
  StageUnderTest start(const Params& params) {
    StageOptions options;
    options.output_dir = root_ / ("stage-" + std::to_string(++stages_));
    options.pipeline = "conformance";
    return plugin_->create(params, options);
  }

  std::string check_descriptor() {
    const Descriptor& d = plugin_->descriptor();
    std::vector<std::string> problems;
    static const std::regex name_re("[a-z0-9]+(-[a-z0-9]+)*");
    static const std::regex semver_re("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    if (!std::regex_match(d.name, name_re)) problems.push_back("name '" + d.name + "' is not lower-case words joined by '-'");
    if (d.name + ".so" != file_.filename().string())
      problems.push_back("name '" + d.name + "' differs from the file name " + file_.filename().string() +
                         " (the engine finds a plugin by <name>.so)");
    if (!std::regex_match(d.version, semver_re)) problems.push_back("version '" + d.version + "' is not MAJOR.MINOR.PATCH");
    if (d.description.empty()) problems.push_back("empty description");
    if (d.author.empty()) problems.push_back("empty author");
    if (d.license.empty()) problems.push_back("empty license (an SPDX id such as MIT)");
    for (const ParamSpec& p : d.params) {
      if (p.name.find_first_of(" \t\n\"'<>&") != std::string::npos)
        problems.push_back("parameter name '" + p.name + "' cannot be written in a config attribute");
      if (p.doc.empty()) problems.push_back("parameter '" + p.name + "' has no doc line");
      if (p.min && p.max && *p.min > *p.max) problems.push_back("parameter '" + p.name + "' has min > max");
    }
    if (!problems.empty()) throw Problem(join(problems));
    return d.name + " " + d.version + ", " + to_string(d.kind) + ", " +
           (d.concurrency == Concurrency::serialized ? "serialized" : "per_worker") + ", " +
           std::to_string(d.params.size()) + " parameter(s)";
  }

  std::string check_parameters() {
    const Descriptor& d = plugin_->descriptor();
    std::vector<std::string> problems;
    std::size_t refused = 0, started = 0;
    for (const ParamSpec& p : d.params) {
      if (!p.required) {
        if (const std::string why = check_param(p, p.default_value); !why.empty())
          problems.push_back("default of '" + p.name + "' is invalid: " + why);
      }
      for (const std::string& bad : invalid_values(p)) {
        Params given = options_.params;
        given[p.name] = bad;
        try {
          plugin_->resolve_params(given);
          problems.push_back("'" + p.name + "' = '" + bad + "' is accepted, but a " + to_string(p.type) +
                             " parameter must refuse it");
        } catch (const TestkitError&) {
          ++refused;
        }
      }
      for (const std::string& good : declared_values(p)) {
        Params given = options_.params;
        given[p.name] = good;
        try {
          StageUnderTest stage = start(given);
          Document doc = sample_document(options_);
          const abi::Status status = stage.process(doc);
          if (!status.ok) throw Problem("processing the sample failed: " + status.message);
          ++started;
        } catch (const std::exception& e) {
          problems.push_back("declared-valid '" + p.name + "' = '" + good + "' does not work: " + e.what());
        }
      }
    }
    // A parameter the pipeline does not know must be refused too.
    Params unknown = options_.params;
    unknown["no-such-parameter-xyz"] = "1";
    try {
      plugin_->resolve_params(unknown);
      problems.push_back("an unknown parameter is accepted");
    } catch (const TestkitError&) {
      ++refused;
    }
    if (!problems.empty()) throw Problem(join(problems));
    return std::to_string(refused) + " invalid settings refused, " + std::to_string(started) +
           " declared values started and processed";
  }

  std::string check_sample() {
    StageUnderTest stage = start(options_.params);
    Document doc = sample_document(options_);
    const std::string before = doc.text;
    const abi::Status status = stage.process(doc);
    if (!status.ok) throw Problem("processing a well-formed sample failed: " + status.message);
    std::vector<std::string> problems = span_problems(doc);
    for (std::string& p : order_problems(doc)) problems.push_back(std::move(p));
    if (doc.text != before && doc.repairs.empty())
      problems.push_back("the text changed but no repair was recorded (use TextRewriter)");
    // Spans are made against the final text: only repair stages may change it.
    if (doc.text != before && plugin_->descriptor().kind != StageKind::repair)
      problems.push_back(std::string("a stage of kind '") + to_string(plugin_->descriptor().kind) +
                         "' changed the text (only kind 'repair' may)");
    for (std::size_t i = 0; i < doc.annotations.size(); ++i)
      if (doc.annotations[i].producer.empty() || doc.annotations[i].type.empty())
        problems.push_back("annotations[" + std::to_string(i) + "] has an empty type or producer");
    for (std::size_t i = 0; i < doc.diagnostics.size(); ++i)
      if (doc.diagnostics[i].stage.empty() || doc.diagnostics[i].code.empty())
        problems.push_back("diagnostics[" + std::to_string(i) + "] '" + doc.diagnostics[i].code +
                           "' has an empty code or stage (pass the plugin name to Document::report)");
    const abi::Status finished = stage.finish();
    if (!finished.ok) problems.push_back("finish() failed: " + finished.message);
    if (!problems.empty()) throw Problem(join(problems));
    return std::to_string(doc.annotations.size()) + " annotations, " + std::to_string(doc.diagnostics.size()) +
           " diagnostics, " + std::to_string(doc.repairs.size()) + " repairs";
  }

  std::string check_hostile_input() {
    StageUnderTest stage = start(options_.params);
    std::vector<std::pair<std::string, Document>> docs;
    docs.emplace_back("an empty document", document_from_bytes("", "empty"));
    docs.emplace_back("undecodable bytes (no text yet)", document_from_bytes(std::string("\xB9\xA4\xD7\xF7\xFF\xFE\x80 ok\xC3", 11), "undecodable"));
    docs.emplace_back("a text that stops inside a UTF-8 sequence", [] {
      Document d = document_from_bytes("报告", "truncated");
      d.text.append("\xE6\x8A", 2);  // text without a matching map: what a buggy repair stage leaves
      return d;
    }());
    docs.emplace_back("layers of impossible spans", hostile_layers_document(options_));
    std::vector<std::string> problems;
    std::string notes;
    for (auto& [what, doc] : docs) {
      begin_("hostile-input: " + what);
      const abi::Status status = stage.process(doc);
      if (!status.ok && status.message.empty()) problems.push_back(what + ": failed without a message");
      notes += (notes.empty() ? "" : ", ") + what + (status.ok ? " ok" : " refused");
    }
    const abi::Status finished = stage.finish();
    if (!finished.ok) problems.push_back("finish() after hostile input failed: " + finished.message);
    if (!problems.empty()) throw Problem(join(problems));
    return notes;
  }

  std::string check_two_instances() {
    StageUnderTest a = start(options_.params);
    StageUnderTest b = start(options_.params);
    auto result = [&](StageUnderTest& s) {
      Document doc = sample_document(options_);
      const abi::Status status = s.process(doc);
      if (!status.ok) throw Problem("processing the sample failed: " + status.message);
      return canonical_json(std::move(doc));
    };
    const std::string first = result(a);
    if (result(b) != first) throw Problem("a second instance gives another result on the same document");
    if (result(a) != first)
      throw Problem("the same instance gives another result on the second run of the same document (state leaks between documents)");
    std::string note = "same result from both instances, sequentially";
    if (plugin_->descriptor().concurrency == Concurrency::per_worker) {
      // The engine runs per_worker instances at the same time: hidden shared state shows up here.
      StageUnderTest c = start(options_.params);
      StageUnderTest d = start(options_.params);
      std::string got[2];
      std::string error[2];
      auto work = [&](StageUnderTest& s, int slot) {
        try {
          for (int i = 0; i < 4; ++i) {
            const std::string r = result(s);
            if (r != first) got[slot] = r;
          }
        } catch (const std::exception& e) {
          error[slot] = e.what();
        }
      };
      std::thread t1(work, std::ref(c), 0), t2(work, std::ref(d), 1);
      t1.join();
      t2.join();
      for (int i = 0; i < 2; ++i) {
        if (!error[i].empty()) throw Problem("on two threads: " + error[i]);
        if (!got[i].empty()) throw Problem("two instances on two threads give another result than one alone");
      }
      for (StageUnderTest* s : {&c, &d})
        if (abi::Status st = s->finish(); !st.ok) throw Problem("finish() failed: " + st.message);
      note += " and on two threads at once";
    }
    for (StageUnderTest* s : {&a, &b})
      if (abi::Status st = s->finish(); !st.ok) throw Problem("finish() failed: " + st.message);
    return note;
  }

  std::string check_exports() {
    const std::vector<std::string> extra = unexpected_exports(file_);
    if (!extra.empty()) {
      std::vector<std::string> shown(extra.begin(), extra.begin() + std::min<std::size_t>(extra.size(), 8));
      throw Problem(std::to_string(extra.size()) + " symbol(s) of the plugin's own exported besides the entry points: " +
                    join(shown, ", ") + " (build with docpipe_add_plugin: hidden visibility, --exclude-libs,ALL)");
    }
    return "only docpipe_plugin_abi and docpipe_plugin_factory";
  }

  fs::path file_;
  const ConformanceOptions& options_;
  fs::path root_;
  int stages_ = 0;
  Sink sink_;
  PluginUnderTest* plugin_ = nullptr;

 public:
  std::function<void(const std::string&)> begin_ = [](const std::string&) {};
};

// The child's channel: one line per event, fields separated by tabs, tabs and newlines escaped.
std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

ConformanceReport check_conformance(const fs::path& file, const ConformanceOptions& options) {
  ConformanceReport report;
  report.file = file;
  const fs::path root = make_temp_dir("docpipe-conformance");
  struct RemoveRoot {
    const fs::path& root;
    ~RemoveRoot() {
      std::error_code ec;
      fs::remove_all(root, ec);
    }
  } remove_root{root};
  auto collect = [&](const ConformanceCheck& c) { report.checks.push_back(c); };
  if (!options.isolate) {
    Checker checker(file, options, root, collect);
    checker.run();
    checker.run_exports();
    return report;
  }
  const detail::ChildOutcome outcome = detail::run_in_child(
      [&](const std::function<void(const std::string&)>& write) {
        Checker checker(file, options, root, [&](const ConformanceCheck& c) {
          write("R\t" + escape(c.name) + "\t" + (c.passed ? "1" : "0") + "\t" + escape(c.detail) + "\n");
        });
        checker.begin_ = [&](const std::string& name) { write("B\t" + escape(name) + "\n"); };
        checker.run();
      },
      options.timeout_seconds);
  std::string last_begun;
  std::istringstream lines(outcome.output);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    if (fields[0] == "B" && fields.size() == 2) last_begun = unescape(fields[1]);
    if (fields[0] == "R" && fields.size() == 4) {
      report.checks.push_back({unescape(fields[1]), fields[2] == "1", unescape(fields[3])});
      last_begun.clear();
    }
  }
  if (!outcome.exited) {
    const std::string check = last_begun.empty() ? "checker" : last_begun.substr(0, last_begun.find(':'));
    report.checks.push_back({check, false,
                             "the test process " + outcome.how +
                                 (last_begun.empty() ? std::string{} : " during '" + last_begun + "'") +
                                 " (a plugin must turn every failure into a status, never crash)"});
  }
  Checker(file, options, root, collect).run_exports();
  return report;
}

}  // namespace docpipe::testkit
