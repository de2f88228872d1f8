#pragma once
// Helpers of the batch tests: running docpipe as a child process that can be killed, small corpora
// cut from the shared reports, and output folders reduced to what must not differ between runs.

#include <algorithm>
#include <chrono>
#include <thread>
#include <csignal>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include "../engine/test_support.hpp"

extern char** environ;

namespace docpipe::test {

namespace fs = std::filesystem;

/// A pipeline config with the loader's test plugins and the misbehaving plugin on its plugin path.
inline std::string batch_config(const std::string& stages) {
  return std::string("<pipeline name=\"test\">\n  <plugins path=\"") + DOCPIPE_TEST_PLUGIN_DIR + "\"/>\n  <plugins path=\"" +
         DOCPIPE_BATCH_PLUGIN_DIR + "\"/>\n" + stages + "</pipeline>\n";
}

/// A docpipe process started in the background, its output going to a log file.
struct Child {
  pid_t pid = -1;

  /// Starts docpipe with @p args, stdout and stderr appended to @p log.
  static Child start(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> all{DOCPIPE_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    Child c;
    if (::posix_spawn(&c.pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) c.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return c;
  }
  /// Waits for it; returns the exit code, or 128 + the signal that killed it.
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

/// Waits (up to @p limit) until @p pred holds, polling every 20 ms; returns whether it did.
template <class Pred>
bool wait_until(Pred pred, std::chrono::milliseconds limit = std::chrono::seconds(60)) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

/// Whether process @p pid has a child process (an --isolate worker) right now.
inline bool has_child_process(pid_t pid) {
  const std::string children = read_file("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
  return children.find_first_of("0123456789") != std::string::npos;
}

/// Runs docpipe to the end; returns the exit code.
inline int run_docpipe(const std::vector<std::string>& args, const fs::path& log) { return Child::start(args, log).wait(); }

/// The first @p n reports of the shared corpus (sorted by name), copied into @p folder.
inline std::vector<fs::path> corpus_subset(const fs::path& folder, std::size_t n) {
  std::vector<fs::path> all;
  for (const auto& e : fs::directory_iterator(fs::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports"))
    if (e.path().extension() == ".txt") all.push_back(e.path());
  std::sort(all.begin(), all.end());
  all.resize(std::min(n, all.size()));
  fs::create_directories(folder);
  std::vector<fs::path> copies;
  for (const auto& p : all) {
    fs::copy_file(p, folder / p.filename(), fs::copy_options::overwrite_existing);
    copies.push_back(folder / p.filename());
  }
  return copies;
}

/// Lines of @p text, sorted (order of documents in appended outputs depends on thread timing).
inline std::string sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (auto& l : lines) out += l + "\n";
  return out;
}

/// Every row of every table of a SQLite file, as sorted text lines per table; the `milliseconds`
/// column (wall time) is left out.
inline std::map<std::string, std::string> sqlite_rows(const fs::path& file) {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session session("SQLite", file.string());
  std::vector<std::string> tables;
  session << "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name", Poco::Data::Keywords::into(tables),
      Poco::Data::Keywords::now;
  std::map<std::string, std::string> out;
  for (const auto& t : tables) {
    Poco::Data::Statement select(session);
    select << "SELECT * FROM \"" + t + "\"";
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::string rows;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
      std::string row;
      for (std::size_t c = 0; c < rs.columnCount(); ++c) {
        if (rs.columnName(c) == "milliseconds") continue;
        row += (rs.value(c).isEmpty() ? std::string("NULL") : rs.value(c).convert<std::string>()) + "\x1f";
      }
      // The store's own write time is the one cell that must differ between runs.
      if (t == "docpipe_meta" && row.rfind("written\x1f", 0) == 0) continue;
      rows += row + "\n";
    }
    out[t] = sorted_lines(rows);
  }
  return out;
}

/// What a run left in @p out that must be the same for equal inputs and pipeline: every file's
/// content (wall times zeroed, appended outputs sorted by line, SQLite as sorted rows), keyed by path.
/// The run report, the journal and checkpoints (which hold timings) are left out.
inline std::map<std::string, std::string> comparable_outputs(const fs::path& out) {
  static const std::regex ms_json("\"milliseconds\": ?[-0-9.eE+]+");
  static const std::regex ms_csv(",[-0-9.eE+]+(\r?)$");
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), out).generic_string();
    if (rel.rfind(".docpipe/", 0) == 0 || rel == "run-report.json") continue;
    if (e.path().extension() == ".sqlite") {
      for (auto& [table, rows] : sqlite_rows(e.path())) files[rel + "#" + table] = rows;
      continue;
    }
    std::string text = read_file(e.path());
    text = std::regex_replace(text, ms_json, "\"milliseconds\":0");
    if (e.path().filename() == "provenance.csv") {
      std::string fixed;
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        fixed += std::regex_replace(text.substr(start, nl - start), ms_csv, ",0$1") + "\n";
        start = nl + 1;
      }
      text = fixed;
    }
    if (e.path().extension() == ".jsonl" || e.path().extension() == ".csv") text = sorted_lines(text);
    files[rel] = text;
  }
  return files;
}

/// Files below @p out whose name marks an unfinished write.
inline std::vector<std::string> temp_files(const fs::path& out) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().string());
  return found;
}

}  // namespace docpipe::test
