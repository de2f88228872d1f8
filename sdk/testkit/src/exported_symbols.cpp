#include "docpipe/testkit/exported_symbols.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include <cxxabi.h>
#include <sys/wait.h>

namespace docpipe::testkit {

namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The entity a special symbol is about: "typeinfo for std::foo" is about std::foo.
std::string subject(std::string name) {
  for (const char* prefix : {"typeinfo name for ", "typeinfo for ", "vtable for ", "VTT for ", "guard variable for ",
                             "construction vtable for ", "TLS init function for ", "TLS wrapper function for ",
                             "non-virtual thunk to ", "virtual thunk to ", "covariant return thunk to ",
                             "transaction clone for "})
    if (starts_with(name, prefix)) return subject(name.substr(std::string(prefix).size()));
  return name;
}

bool third_party(const std::string& demangled) {
  const std::string s = subject(demangled);
  for (const char* ns : {"std::", "__gnu_cxx::", "boost::", "__cxxabiv1::"})
    if (starts_with(s, ns)) return true;
  // A function template's return type comes first in its demangled name ("void std::...").
  const auto space = s.find(' ');
  if (space != std::string::npos && s.find('(') != std::string::npos && space < s.find('(')) {
    const std::string rest = s.substr(space + 1);
    for (const char* ns : {"std::", "__gnu_cxx::", "boost::"})
      if (starts_with(rest, ns)) return true;
  }
  return false;
}

}  // namespace

std::string demangle(const std::string& symbol) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(abi::__cxa_demangle(symbol.c_str(), nullptr, nullptr, &status), std::free);
  return status == 0 && out ? std::string(out.get()) : symbol;
}

std::vector<std::string> exported_symbols(const std::filesystem::path& library) {
  const std::string command = "nm -D --defined-only " + shell_quote(library.string()) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run nm");
  std::string output;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("`nm -D --defined-only " + library.string() + "` failed: " + output);
  std::vector<std::string> symbols;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    // "ADDRESS TYPE NAME"; the name is the last field (symbol versions like @@GLIBC stay attached).
    const auto last_space = line.find_last_of(' ');
    if (last_space == std::string::npos || last_space + 1 >= line.size()) continue;
    symbols.push_back(line.substr(last_space + 1));
  }
  return symbols;
}

std::vector<std::string> unexpected_exports(const std::filesystem::path& library) {
  static const std::set<std::string> allowed = {"docpipe_plugin_abi", "docpipe_plugin_factory", "_init", "_fini",
                                                "_edata", "_end", "__bss_start", "_DYNAMIC", "_GLOBAL_OFFSET_TABLE_"};
  std::vector<std::string> out;
  for (const std::string& symbol : exported_symbols(library)) {
    if (allowed.count(symbol)) continue;
    const std::string name = demangle(symbol);
    if (!third_party(name)) out.push_back(name);
  }
  return out;
}

}  // namespace docpipe::testkit
