#include "run_journal.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include "content_hash.hpp"

namespace docpipe::engine {

namespace {

constexpr const char* header = "docpipe.journal/1";

std::string hex64(std::uint64_t v) {
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

const char* status_name(JournalEntry::Status s) {
  return s == JournalEntry::ok ? "ok" : s == JournalEntry::kept ? "kept" : "failed";
}

}  // namespace

std::filesystem::path journal_path(const std::filesystem::path& output_dir) {
  return output_dir / ".docpipe" / "journal.tsv";
}

JournalContents read_journal(const std::filesystem::path& file) {
  JournalContents out;
  std::ifstream in(file, std::ios::binary);
  if (!in) return out;
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t start = 0;
  while (start < all.size()) {
    const std::size_t nl = all.find('\n', start);
    if (nl == std::string::npos) {  // the last line was cut short
      ++out.torn_lines;
      break;
    }
    const std::string line = all.substr(start, nl - start);
    start = nl + 1;
    const std::size_t last_tab = line.rfind('\t');
    if (last_tab == std::string::npos || hex64(fnv1a64(std::string_view(line).substr(0, last_tab))) != line.substr(last_tab + 1)) {
      ++out.torn_lines;
      continue;
    }
    std::vector<std::string> f = split_tabs(line.substr(0, last_tab));
    const std::string& kind = f[0];
    if (kind == "run" && f.size() == 5 && f[1] == header) {
      out.runs.push_back({f[2], f[3], f[4]});
      out.last_run.clear();
      out.last_run_ended = out.last_run_interrupted = false;
    } else if ((kind == "ok" || kind == "kept" || kind == "failed") && f.size() == 4 && !out.runs.empty()) {
      JournalEntry e;
      e.status = kind == "ok" ? JournalEntry::ok : kind == "kept" ? JournalEntry::kept : JournalEntry::failed;
      e.id = f[1];
      e.content_hash = f[2];
      e.pipeline_hash = f[3];
      out.latest[e.id] = e;
      out.last_run.push_back(std::move(e));
    } else if (kind == "end" && f.size() == 4 && !out.runs.empty()) {
      out.last_run_ended = true;
      out.last_run_interrupted = f[3] != "0";
    } else {
      ++out.torn_lines;
    }
  }
  return out;
}

RunJournal::RunJournal(const std::filesystem::path& file, bool append, const JournalRun& run) {
  std::filesystem::create_directories(file.parent_path());
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (append ? 0 : O_TRUNC), 0644);
  if (fd_ < 0) throw std::runtime_error("cannot open the run journal " + file.string() + ": " + std::strerror(errno));
  write_line(std::string("run\t") + header + "\t" + run.pipeline_hash + "\t" + run.config + "\t" + run.shard);
}

RunJournal::~RunJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void RunJournal::record(const JournalEntry& e) {
  write_line(std::string(status_name(e.status)) + "\t" + e.id + "\t" + e.content_hash + "\t" + e.pipeline_hash);
}

void RunJournal::end(std::size_t ok, std::size_t failed, int signal) {
  write_line("end\t" + std::to_string(ok) + "\t" + std::to_string(failed) + "\t" + std::to_string(signal));
}

void RunJournal::write_line(std::string fields) {
  for (char& c : fields)
    if (c == '\n' || c == '\r') c = ' ';  // ids are already free of control characters; config paths may not be
  fields += "\t" + hex64(fnv1a64(fields)) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  // One write of the whole line: with O_APPEND it lands in one piece unless the disk is full.
  std::size_t done = 0;
  while (done < fields.size()) {
    const ssize_t n = ::write(fd_, fields.data() + done, fields.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(std::string("cannot write the run journal: ") + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace docpipe::engine
