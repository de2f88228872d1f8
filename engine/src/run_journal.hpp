#pragma once
// OUTDIR/.docpipe/journal.tsv: what each run did to each document, written one whole line at a time
// so that a process killed at any moment leaves a journal that is correct up to its last full line.

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace docpipe::engine {

/// One document's outcome in a run.
struct JournalEntry {
  enum Status { ok, kept, failed };
  Status status = ok;        ///< ok: processed; kept: replayed from its checkpoint; failed.
  std::string id;            ///< Document id.
  std::string content_hash;  ///< content_hash_hex() of the input bytes.
  std::string pipeline_hash; ///< pipeline_fingerprint() of the run.
};

/// The start of a run, as the journal records it.
struct JournalRun {
  std::string pipeline_hash;
  std::string config;        ///< Absolute path of the config file.
  std::string shard;         ///< `I/N`, or empty.
};

/// What a journal file holds: its runs, and the entries of the last run and of all runs.
struct JournalContents {
  std::vector<JournalRun> runs;
  std::map<std::string, JournalEntry> latest;        ///< Last entry of each id, over all runs.
  std::vector<JournalEntry> last_run;                ///< Entries after the last `run` line, in order.
  bool last_run_ended = false;                       ///< The last run wrote its `end` line.
  bool last_run_interrupted = false;                 ///< It ended on SIGINT/SIGTERM.
  std::size_t torn_lines = 0;                        ///< Lines ignored: unfinished or failing their check.
};

/// The journal file of an output folder.
std::filesystem::path journal_path(const std::filesystem::path& output_dir);

/// Reads the journal at @p file (an absent file is an empty journal). Lines that are incomplete or whose
/// check hash does not match are counted and ignored.
JournalContents read_journal(const std::filesystem::path& file);

/// Appends to a journal from any thread. Each line is one write(2) to a file opened with O_APPEND and
/// ends with a hash of itself, so a reader can tell a whole line from a torn one.
class RunJournal {
 public:
  /// Opens @p file; truncates it unless @p append (a resumed run keeps its history). Writes the run's
  /// `run` line. Throws std::runtime_error when the file cannot be opened.
  RunJournal(const std::filesystem::path& file, bool append, const JournalRun& run);
  ~RunJournal();
  RunJournal(const RunJournal&) = delete;
  RunJournal& operator=(const RunJournal&) = delete;

  /// Records one document's outcome.
  void record(const JournalEntry& entry);

  /// Records the end of the run (after the stages finished), or an interruption by signal @p signal.
  void end(std::size_t ok, std::size_t failed, int signal);

 private:
  void write_line(std::string fields);
  int fd_ = -1;
  std::mutex mutex_;
};

}  // namespace docpipe::engine
