// Fuzz target: the policy form editor on any bytes. Reading either works or fails with a
// message; writing back an unchanged form gives the same bytes; replacing one list gives a
// file that reads back with that list replaced and every other field as it was.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "policy/policy_form.h"

namespace {

[[noreturn]] void Fail(const char* why, std::string_view text) {
  std::fprintf(stderr, "fuzz_policy_form: %s\n--- text ---\n%.*s\n", why,
               static_cast<int>(text.size()), text.data());
  std::abort();
}

bool SameExceptClients(const chorus::PolicyForm& a, const chorus::PolicyForm& b) {
  if (a.organization != b.organization || a.aliases != b.aliases || a.brands != b.brands ||
      a.languages != b.languages || a.categories != b.categories ||
      a.clauses.size() != b.clauses.size())
    return false;
  for (const auto& [key, items] : a.lists) {
    if (key == "clients") continue;
    const auto it = b.lists.find(key);
    if (it == b.lists.end() || it->second != items) return false;
  }
  for (size_t i = 0; i < a.clauses.size(); ++i) {
    if (a.clauses[i].id != b.clauses[i].id || a.clauses[i].verdict != b.clauses[i].verdict ||
        a.clauses[i].enabled != b.clauses[i].enabled || a.clauses[i].terms != b.clauses[i].terms)
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  chorus::PolicyForm form;
  const chorus::Status read = chorus::ReadPolicyForm(input, &form);
  if (!read.ok()) {
    if (read.message().empty()) Fail("a read error without a message", input);
    return 0;
  }
  std::string same;
  if (!chorus::WritePolicyForm(input, form, &same).ok()) return 0;  // e.g. duplicate entries
  if (same != input) Fail("an unchanged form changed the text", same);

  chorus::PolicyForm changed = form;
  changed.lists["clients"] = {"Fuzz Client Ltd", "Rīgas Piens", "מגדל אופטיקה"};
  std::string written;
  const chorus::Status write = chorus::WritePolicyForm(input, changed, &written);
  if (!write.ok()) {
    if (write.message().empty()) Fail("a write error without a message", input);
    return 0;
  }
  chorus::PolicyForm reread;
  if (!chorus::ReadPolicyForm(written, &reread).ok())
    Fail("the written text does not read", written);
  if (reread.lists["clients"] != changed.lists["clients"]) Fail("the new list was lost", written);
  if (!SameExceptClients(form, reread)) Fail("another field changed", written);
  return 0;
}
