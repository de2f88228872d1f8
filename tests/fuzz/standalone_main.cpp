// A driver for the fuzz targets without libFuzzer, so the ordinary build can run them in ./test.sh in
// seconds: every file named (or found in a named folder) is run once, then --runs mutations of them
// (byte flips, insertions, deletions, duplications, splices and Chinese/UTF-8/markup tokens) from a
// fixed --seed. Not a substitute for tests/fuzz/run.sh (coverage-guided, ASan/UBSan); a smoke pass.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

const std::vector<std::string> tokens = {"\xe4\xb8\x80", "\xef\xbc\x88", "\xef\xbc\x89", "\xe3\x80\x81", "\xe3\x80\x82", "\xef\xbc\x9a",
                                         "\xe5\x90\x8d\xe8\xa9\x9e\xe8\xa7\xa3\xe9\x87\x8b", "\xe5\x84\x84\xe5\x85\x83", "%", "(1)", "\n",
                                         "\r\n", "<p>", "&#x5831;", "&amp;", "<!ENTITY a \"b\">", "\xff", "\xc0", "\xed\xa0\x80",
                                         "\xe5\xa2\x9e\xe9\x95\xb7", "5.5", "\xe4\xb8\x89\xe5\x8d\x81", "<stage plugin=\"x\"/>", "\0"};

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string mutate(std::string s, const std::vector<std::string>& pool, std::mt19937_64& random) {
  auto pick = [&](std::size_t n) { return n == 0 ? std::size_t{0} : static_cast<std::size_t>(random() % n); };
  const int steps = 1 + static_cast<int>(random() % 8);
  for (int i = 0; i < steps; ++i) {
    switch (random() % 6) {
      case 0:
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << (random() % 8));
        break;
      case 1: s.insert(pick(s.size() + 1), 1, static_cast<char>(random())); break;
      case 2:
        if (!s.empty()) {
          const std::size_t at = pick(s.size());
          s.erase(at, 1 + pick(std::min<std::size_t>(64, s.size() - at)));
        }
        break;
      case 3:
        if (!s.empty() && s.size() < 65536) {
          const std::size_t at = pick(s.size());
          s.insert(pick(s.size() + 1), s.substr(at, 1 + pick(std::min<std::size_t>(256, s.size() - at))));
        }
        break;
      case 4: {
        const std::string& other = pool[pick(pool.size())];
        s = s.substr(0, pick(s.size() + 1)) + other.substr(pick(other.size() + 1));
        break;
      }
      default: s.insert(pick(s.size() + 1), tokens[pick(tokens.size())]); break;
    }
  }
  if (s.size() > 65536) s.resize(65536);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  long runs = 1000;
  unsigned long long seed = 1;
  std::vector<std::string> pool;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::atol(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(a))
        if (e.is_regular_file()) pool.push_back(read_all(e.path()));
    } else if (std::filesystem::is_regular_file(a)) {
      pool.push_back(read_all(a));
    }
  }
  for (const auto& input : pool) run(input);
  if (pool.empty()) pool.push_back("");
  std::mt19937_64 random(seed);
  for (long r = 0; r < runs; ++r) run(mutate(pool[static_cast<std::size_t>(random() % pool.size())], pool, random));
  std::cout << "ran " << pool.size() << " inputs and " << runs << " mutations (seed " << seed << ")\n";
  return 0;
}
