// Checkpoint packs (engine/src/checkpoint_pack.*, checkpoint_store.*): what a resumed run or a merge
// can read back after a run was killed mid-record, a byte was damaged, or a document was saved twice.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "checkpoint_store.hpp"
#include "document_codec.hpp"

using namespace docpipe;
using docpipe::engine::CheckpointKey;
using docpipe::engine::CheckpointStore;

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path;
  Folder() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("docpipe-pack-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::remove_all(path);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

Document document(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.source = "/in/" + id + ".txt";
  d.raw = "raw bytes of " + id;
  d.text = text;
  d.encoding = {"GB18030", 0.9, false};
  d.source_map = SourceMap::identity(d.text.size());
  d.paragraphs = {{0, d.text.size()}};
  return d;
}

CheckpointKey key_of(const std::string& id, const std::string& content = "c") { return {id, content, "p"}; }

std::vector<fs::path> packs(const CheckpointStore& store) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(store.folder()))
    if (e.path().extension() == ".dpk") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Where @p needle first is in @p file.
std::size_t find_in(const fs::path& file, const std::string& needle) {
  std::ifstream in(file, std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t at = all.find(needle);
  REQUIRE(at != std::string::npos);
  return at;
}

void flip_byte(const fs::path& file, std::size_t at) {
  std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
  f.seekg(static_cast<std::streamoff>(at));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(at));
  f.put(static_cast<char>(c ^ 0x20));
}

}  // namespace

TEST_CASE("checkpoints saved to a pack load back in another store, each under its own key only") {
  Folder dir;
  {
    CheckpointStore store(dir.path);
    for (int i = 0; i < 5; ++i) store.save(key_of("doc" + std::to_string(i)), document("doc" + std::to_string(i), "文本 " + std::to_string(i)));
    // Its own records are found too, before and after the index exists.
    REQUIRE(store.load(key_of("doc4")));
    store.save(key_of("doc5"), document("doc5", "late"));
    REQUIRE(store.load(key_of("doc5")));
    CHECK(store.load(key_of("doc5"))->text == "late");
  }
  CheckpointStore reader(dir.path);
  CHECK(packs(reader).size() == 1);
  for (int i = 0; i < 5; ++i) {
    const auto d = reader.load(key_of("doc" + std::to_string(i)));
    REQUIRE(d);
    CHECK(engine::encode_document(*d) == engine::encode_document(document("doc" + std::to_string(i), "文本 " + std::to_string(i))));
  }
  CHECK(reader.has(key_of("doc1")));
  CHECK(!reader.has(key_of("doc1", "other input")));
  CHECK(!reader.load(key_of("doc1", "other input")));
  CHECK(!reader.load({"doc1", "c", "other pipeline"}));
  CHECK(!reader.load(key_of("never saved")));
}

TEST_CASE("a pack with a large document holds its header and encoded form, nothing else") {
  Folder dir;
  CheckpointStore store(dir.path);
  Document d = document("big", std::string(12000, 't'));
  d.raw = std::string(20000, 'r');  // long enough to be written from where it is
  store.save(key_of("big"), d);
  const std::string encoded = engine::encode_document(d);
  const std::string_view piece = encoded;
  CHECK(fs::file_size(packs(store).at(0)) == engine::pack_record_header(key_of("big"), {&piece, 1}).size() + encoded.size());
  const auto back = store.load(key_of("big"));
  REQUIRE(back);
  CHECK(back->raw == d.raw);
}

TEST_CASE("a record cut short by a kill is missing, the records before it load") {
  Folder dir;
  {
    CheckpointStore store(dir.path);
    store.save(key_of("a"), document("a", "first"));
    store.save(key_of("b"), document("b", "second"));
    store.save(key_of("c"), document("c", "third, whose record the kill cuts"));
  }
  const fs::path pack = packs(CheckpointStore(dir.path)).at(0);
  const auto whole = fs::file_size(pack);
  // Every length of the last record's cut: inside its header, its key and its payload.
  for (std::uintmax_t cut : {whole - 1, whole - 20, whole - 60}) {
    fs::resize_file(pack, cut);
    CheckpointStore reader(dir.path);
    CHECK(reader.load(key_of("a")));
    CHECK(reader.load(key_of("b")));
    CHECK(!reader.load(key_of("c")));
  }
  // The next run appends to a pack of its own, after the torn one, and its records are found.
  {
    CheckpointStore next(dir.path);
    next.save(key_of("c"), document("c", "redone"));
  }
  CheckpointStore reader(dir.path);
  CHECK(packs(reader).size() == 2);
  REQUIRE(reader.load(key_of("c")));
  CHECK(reader.load(key_of("c"))->text == "redone");
  CHECK(reader.load(key_of("a")));
}

TEST_CASE("a damaged byte makes a checkpoint missing, never a crash") {
  Folder dir;
  {
    CheckpointStore store(dir.path);
    store.save(key_of("a"), document("a", "alpha payload"));
    store.save(key_of("b"), document("b", "beta payload"));
    store.save(key_of("c"), document("c", "gamma payload"));
  }
  const fs::path pack = packs(CheckpointStore(dir.path)).at(0);
  SECTION("in a payload: that record only") {
    flip_byte(pack, find_in(pack, "beta payload") + 2);
    CheckpointStore reader(dir.path);
    CHECK(reader.load(key_of("a")));
    CHECK(reader.has(key_of("b")));  // its header is whole; the payload's hash catches the damage
    CHECK(!reader.load(key_of("b")));
    CHECK(reader.load(key_of("c")));
  }
  SECTION("in a header: that record and the rest of its pack, whose lengths cannot be trusted") {
    // The key's id is in the header; the second "b" after the first record's payload is b's id.
    std::ifstream in(pack, std::ios::binary);
    const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t second_magic = all.find("DPK1", 4);
    REQUIRE(second_magic != std::string::npos);
    for (std::size_t offset : {std::size_t{0}, std::size_t{5}, std::size_t{9}, std::size_t{17}, std::size_t{26}, std::size_t{33}}) {
      flip_byte(pack, second_magic + offset);
      CheckpointStore reader(dir.path);
      CHECK(reader.load(key_of("a")));
      CHECK(!reader.has(key_of("b")));
      CHECK(!reader.load(key_of("b")));
      CHECK(!reader.load(key_of("c")));
      flip_byte(pack, second_magic + offset);  // undo for the next offset
    }
    CheckpointStore reader(dir.path);
    CHECK(reader.load(key_of("c")));
  }
}

TEST_CASE("the latest record of an id wins, within a pack and across packs") {
  Folder dir;
  {
    CheckpointStore store(dir.path);
    store.save(key_of("x"), document("x", "one"));
    store.save(key_of("x"), document("x", "two"));
    store.save(key_of("y"), document("y", "y one"));
  }
  {
    CheckpointStore reader(dir.path);
    REQUIRE(reader.load(key_of("x")));
    CHECK(reader.load(key_of("x"))->text == "two");
  }
  {
    CheckpointStore later(dir.path);
    later.save(key_of("x"), document("x", "three"));
    later.save(key_of("y", "changed input"), document("y", "y two"));
  }
  CheckpointStore reader(dir.path);
  CHECK(packs(reader).size() == 2);
  REQUIRE(reader.load(key_of("x")));
  CHECK(reader.load(key_of("x"))->text == "three");
  // The latest record of y is bound to other input: the older record does not stand in for it.
  CHECK(!reader.load(key_of("y")));
  REQUIRE(reader.load(key_of("y", "changed input")));
  CHECK(reader.load(key_of("y", "changed input"))->text == "y two");
}

TEST_CASE("removing the other packs keeps only this store's own, and old one-file checkpoints go too") {
  Folder dir;
  {
    CheckpointStore first(dir.path);
    first.save(key_of("a"), document("a", "old"));
  }
  fs::create_directories(dir.path / ".docpipe" / "checkpoints");
  std::ofstream(dir.path / ".docpipe" / "checkpoints" / "0123456789abcdef.dpdoc") << "old format";
  std::ofstream(dir.path / ".docpipe" / "checkpoints" / "notes.txt") << "not ours";
  CheckpointStore store(dir.path);
  CHECK(store.load(key_of("a")));
  store.save(key_of("b"), document("b", "new"));
  CHECK(store.remove_other_packs() == 2);
  CHECK(packs(store).size() == 1);
  CHECK(fs::exists(dir.path / ".docpipe" / "checkpoints" / "notes.txt"));
  CHECK(!store.load(key_of("a")));
  CHECK(store.load(key_of("b")));
  CHECK(CheckpointStore(dir.path).load(key_of("b")));
}

TEST_CASE("compaction rewrites the live records into one pack once superseded ones outweigh them") {
  Folder dir;
  auto all = [](const CheckpointKey&) { return true; };
  {
    CheckpointStore store(dir.path);
    store.save(key_of("x"), document("x", std::string(1000, 'a')));
    store.save(key_of("y"), document("y", std::string(1000, 'b')));
  }
  {
    CheckpointStore store(dir.path);
    store.save(key_of("x"), document("x", std::string(1000, 'c')));
    // One superseded record against two live ones: not worth a copy.
    CHECK(!store.compact(all));
    CHECK(packs(store).size() == 2);
  }
  {
    CheckpointStore store(dir.path);
    store.save(key_of("x"), document("x", std::string(1000, 'd')));
    store.save(key_of("z"), document("z", std::string(1000, 'e')));
    // Two superseded records of x and a y the journal no longer keeps, against x and z.
    CHECK(store.compact([](const CheckpointKey& k) { return k.id != "y"; }));
    CHECK(packs(store).size() == 1);
    REQUIRE(store.load(key_of("x")));
    CHECK(store.load(key_of("x"))->text == std::string(1000, 'd'));
    CHECK(!store.load(key_of("y")));
    // The store goes on after compacting: a later save lands in a pack after the compacted one.
    store.save(key_of("w"), document("w", "after"));
    CHECK(store.load(key_of("w")));
  }
  CheckpointStore reader(dir.path);
  CHECK(packs(reader).size() == 2);
  CHECK(reader.load(key_of("z")));
  CHECK(reader.load(key_of("w")));
  CHECK(!reader.load(key_of("y")));
  const auto x = reader.load(key_of("x"));
  REQUIRE(x);
  CHECK(x->text == std::string(1000, 'd'));
}
