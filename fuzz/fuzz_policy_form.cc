// Fuzz target: the policy form editor on any bytes. Reading either works or fails with a
// message; writing back an unchanged form gives the same bytes; and for every edit tried,
// the saved file loads as exactly the policy the original loads as, changed by that edit
// alone: LoadPolicy(WritePolicyForm(file, edit(ReadPolicyForm(file)))) ==
// edit(LoadPolicy(file)).
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

// One edit, made to the form and to the loaded policy alike.
void EditForm(int which, chorus::PolicyForm* form) {
  switch (which) {
    case 0:
      form->lists["clients"] = {"Fuzz Client Ltd", "Rīgas Piens", "מגדל אופטיקה"};
      break;
    case 1:
      form->categories["politics"].verdict = chorus::Severity::kBlock;
      break;
    case 2:
      for (auto& c : form->clauses)
        if (c.category == "legal") c.enabled = false;
      break;
    default:
      form->organization = "Fuzz Group";
      break;
  }
}

void EditPolicy(int which, chorus::Policy* policy) {
  switch (which) {
    case 0:
      policy->clients = {"Fuzz Client Ltd", "Rīgas Piens", "מגדל אופטיקה"};
      break;
    case 1:
      for (auto& c : policy->clauses)
        if (c.category == "politics") c.verdict = chorus::Severity::kBlock;
      break;
    case 2:
      for (auto& c : policy->clauses)
        if (c.category == "legal") c.enabled = false;
      break;
    default:
      policy->organization = "Fuzz Group";
      break;
  }
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
  chorus::Policy before;
  if (!chorus::LoadPolicy(input, &before).ok())
    Fail("the form read a file the loader refuses", input);
  std::string same;
  if (!chorus::WritePolicyForm(input, form, &same).ok()) return 0;  // e.g. no organization
  if (same != input) Fail("an unchanged form changed the text", same);

  for (int which = 0; which < 4; ++which) {
    if (const auto legal = form.categories.find("legal");
        which == 2 && legal != form.categories.end() && legal->second.enabled)
      continue;  // the category switch would win over the clauses
    chorus::PolicyForm changed = form;
    EditForm(which, &changed);
    std::string written;
    const chorus::Status write = chorus::WritePolicyForm(input, changed, &written);
    if (!write.ok()) {
      if (write.message().empty()) Fail("a write error without a message", input);
      continue;
    }
    chorus::Policy after, expected = before;
    if (!chorus::LoadPolicy(written, &after).ok()) Fail("the written text does not load", written);
    EditPolicy(which, &expected);
    if (!(after == expected)) Fail("the saved policy differs by more than the edit", written);
  }
  return 0;
}
