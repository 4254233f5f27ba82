// The look-alike screen's configuration for a policy: the organisation's name, aliases and
// brands, its official accounts, and the affix words of packs/lookalike-affixes.yaml.
// Thread-safety: pure function over immutable embedded data.
#pragma once

#include "base/status.h"
#include "detect/lookalike.h"
#include "policy/policy.h"

namespace chorus {

Status LookalikeConfigFor(const Policy& policy, detect::LookalikeConfig* out);

}  // namespace chorus
