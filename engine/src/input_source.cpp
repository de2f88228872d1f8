#include "input_source.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <iterator>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {

bool is_document_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".htm" || ext == ".html";
}

bool is_jsonl(const fs::path& p) { return p.extension() == ".jsonl"; }

std::string folder_id(const fs::path& root, const fs::path& file) {
  fs::path rel = file.lexically_relative(root);
  rel.replace_extension();
  std::string id;
  for (const auto& part : rel) id += (id.empty() ? "" : "__") + part.string();
  return id;
}

std::size_t count_lines(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::size_t lines = 0;
  char buffer[1 << 16];
  bool last_newline = true;
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    lines += static_cast<std::size_t>(std::count(buffer, buffer + n, '\n'));
    last_newline = buffer[n - 1] == '\n';
  }
  return lines + (last_newline ? 0 : 1);
}

std::string format_bytes(std::uint64_t n) {
  return std::to_string(n) + " bytes";
}

}  // namespace

std::string read_file(const fs::path& path, std::uint64_t max_bytes, std::string& error) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    error = "cannot read " + path.string() + ": " + ec.message();
    return {};
  }
  if (size > max_bytes) {
    error = path.string() + " is " + format_bytes(size) + ", larger than the limit of " + format_bytes(max_bytes) +
            " (raise it with --max-bytes)";
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path.string();
    return {};
  }
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  data.resize(static_cast<std::size_t>(in.gcount()));
  return data;
}

InputSource::InputSource(const std::vector<std::string>& args, std::uint64_t max_bytes) : max_bytes_(max_bytes) {
  for (const std::string& arg : args) {
    if (arg == "-") {
      units_.push_back({Unit::stdin_, {}, "stdin"});
      ++total_;
      continue;
    }
    const fs::path p(arg);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && is_document_file(it->path())) files.push_back(it->path());
      if (ec) throw InputError("cannot list folder " + arg + ": " + ec.message());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) units_.push_back({Unit::file, f, folder_id(p, f)});
      total_ += files.size();
    } else if (fs::is_regular_file(p, ec)) {
      if (is_jsonl(p)) {
        units_.push_back({Unit::jsonl, p, p.stem().string()});
        total_ += count_lines(p);
      } else {
        units_.push_back({Unit::file, p, p.stem().string()});
        ++total_;
      }
    } else {
      throw InputError("input " + arg + " does not exist (give files, folders, .jsonl files or - for standard input)");
    }
  }
}

InputSource::~InputSource() = default;

void InputSource::set_filter(std::function<bool(const std::string& id)> keep) {
  keep_ = std::move(keep);
  for (const Unit& unit : units_)
    if (unit.kind != Unit::jsonl && !keep_(unit.id)) --total_;
}

std::optional<InputItem> InputSource::next() {
  const Unit* file = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto item = next_locked(file);
    if (!file) return item;
  }
  // Files are read outside the lock, so worker threads read their documents in parallel.
  return read_unit(*file);
}

std::optional<InputItem> InputSource::next_locked(const Unit*& file) {
  while (true) {
    if (jsonl_) {
      if (auto item = next_jsonl_line()) return item;
      jsonl_.reset();
      jsonl_unit_ = nullptr;
    }
    if (next_unit_ >= units_.size()) return std::nullopt;
    const Unit& unit = units_[next_unit_++];
    if (keep_ && unit.kind != Unit::jsonl && !keep_(unit.id)) {
      ++filtered_out_;
      continue;
    }
    if (unit.kind == Unit::jsonl) {
      jsonl_ = std::make_unique<std::ifstream>(unit.path, std::ios::binary);
      jsonl_unit_ = &unit;
      jsonl_line_ = 0;
      if (!*jsonl_) {
        InputItem item{unit.id, unit.path.string(), {}, "cannot open " + unit.path.string()};
        jsonl_.reset();
        return item;
      }
      continue;
    }
    if (unit.kind == Unit::file) {
      file = &unit;
      return std::nullopt;
    }
    return read_unit(unit);
  }
}

std::optional<InputItem> InputSource::read_unit(const Unit& unit) {
  InputItem item;
  item.id = unit.id;
  if (unit.kind == Unit::stdin_) {
    item.source.assign(1, '-');  // not = "-": GCC 12 then warns falsely (-Wrestrict)
    std::string data;
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      data.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > max_bytes_) {
        item.error = "standard input is larger than the limit of " + format_bytes(max_bytes_) + " (raise it with --max-bytes)";
        return item;
      }
    }
    item.raw = std::move(data);
    return item;
  }
  item.source = unit.path.string();
  item.raw = read_file(unit.path, max_bytes_, item.error);
  return item;
}

namespace {

// Reads one line into @p line, keeping at most @p max_bytes + 1 bytes of it (the rest is skipped), so
// that a huge line is refused without ever being held in memory. Returns false at the end.
bool read_line(std::istream& in, std::string& line, std::uint64_t max_bytes) {
  line.clear();
  std::streambuf* buffer = in.rdbuf();
  bool any = false;
  for (int c = buffer->sbumpc(); c != std::char_traits<char>::eof(); c = buffer->sbumpc()) {
    any = true;
    if (c == '\n') return true;
    if (line.size() <= max_bytes) line += static_cast<char>(c);
  }
  in.setstate(std::ios::eofbit);
  return any;
}

}  // namespace

std::optional<InputItem> InputSource::next_jsonl_line() {
  std::string line;
  while (read_line(*jsonl_, line, max_bytes_)) {
    ++jsonl_line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    InputItem item;
    item.source = jsonl_unit_->path.string() + ":" + std::to_string(jsonl_line_);
    item.id = jsonl_unit_->id + "-" + std::to_string(jsonl_line_);
    if (line.size() > max_bytes_) {
      item.error = item.source + ": the line is larger than the limit of " + format_bytes(max_bytes_);
      return item;
    }
    try {
      Poco::JSON::Parser parser;
      Poco::Dynamic::Var parsed = parser.parse(line);
      auto object = parsed.extract<Poco::JSON::Object::Ptr>();
      if (!object || !object->has("text") || !object->get("text").isString()) {
        item.error = item.source + ": a JSON Lines document needs a string field \"text\"";
        return item;
      }
      if (object->has("id") && !object->get("id").isEmpty()) item.id = object->get("id").convert<std::string>();
      item.raw = object->getValue<std::string>("text");
    } catch (const Poco::Exception& e) {
      item.error = item.source + ": not a JSON object: " + e.displayText();
    } catch (const std::exception& e) {
      item.error = item.source + ": not a JSON object: " + e.what();
    }
    return item;
  }
  return std::nullopt;
}

}  // namespace docpipe::engine
