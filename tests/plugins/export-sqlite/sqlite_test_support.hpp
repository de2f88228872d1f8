#pragma once
// Reading the exported database back in the tests, through Poco::Data like a user's program would.

#include <filesystem>
#include <memory>
#include <string>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

namespace sqlite_test {

/// A session on the database at @p path.
inline std::unique_ptr<Poco::Data::Session> open(const std::filesystem::path& path) {
  Poco::Data::SQLite::Connector::registerConnector();
  return std::make_unique<Poco::Data::Session>("SQLite", path.string());
}

/// The single integer @p sql returns.
inline Poco::Int64 scalar(Poco::Data::Session& s, const std::string& sql) {
  Poco::Int64 v = -1;
  s << sql, Poco::Data::Keywords::into(v), Poco::Data::Keywords::now;
  return v;
}

}  // namespace sqlite_test
