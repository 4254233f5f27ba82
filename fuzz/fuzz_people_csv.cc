// Fuzz target: the CSV reader behind people import. For any bytes it neither crashes nor
// grows without bound; reading the input whole or in small pieces gives the same records,
// numbered 1, 2, 3 ..., with no more field bytes than the input has.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/csv_reader.h"

namespace {

struct Result {
  std::vector<std::vector<std::string>> records;
  std::string error;
  char separator = 0;
};

Result Read(std::string_view input, size_t piece) {
  Result result;
  chorus::text::CsvReader reader(
      [&](int64_t number, std::vector<std::string>& fields) {
        if (number != static_cast<int64_t>(result.records.size()) + 1) std::abort();
        result.records.push_back(fields);
        return true;
      },
      4096);
  for (size_t pos = 0; pos < input.size(); pos += piece) reader.Feed(input.substr(pos, piece));
  reader.Finish();
  result.error = reader.error();
  result.separator = reader.separator();
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 13;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Result whole = Read(input, input.size() + 1);
  const Result pieces = Read(input, piece);
  size_t bytes = 0;
  for (const auto& record : whole.records)
    for (const auto& field : record) bytes += field.size();
  if (bytes > input.size()) std::abort();
  if (whole.separator != pieces.separator || whole.error != pieces.error ||
      whole.records != pieces.records) {
    std::abort();
  }
  return 0;
}
