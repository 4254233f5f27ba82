// ClientAddressResolver: who is really calling. Behind a reverse proxy every connection comes
// from the proxy, so the per-client limits (sign-in throttle, connections per address) would
// treat all users as one. The proxy reports the client in X-Forwarded-For; that header is
// believed only when the connection comes from a configured trusted proxy (`--trusted-proxy`,
// an address or a CIDR block), since anybody else can write it.
//
//   ClientAddressResolver r;
//   r.AddTrustedProxy("10.0.0.0/8");                     // Status error when malformed
//   r.Resolve("10.0.0.5", "203.0.113.7, 10.0.0.9");       // "203.0.113.7"
//   r.Resolve("198.51.100.2", "203.0.113.7");             // "198.51.100.2" (not trusted)
//
// Resolve walks X-Forwarded-For from the right, skipping trusted proxies, and answers the
// first address that is not one; a malformed entry stops the walk at the proxy that wrote it.
// Thread-safety: configure before use; Resolve and IsTrusted are const and thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus::server {

class ClientAddressResolver {
 public:
  Status AddTrustedProxy(std::string_view address_or_cidr);
  bool IsTrusted(std::string_view address) const;
  std::string Resolve(std::string_view peer, std::string_view forwarded_for) const;
  bool empty() const { return networks_.empty(); }

 private:
  struct Network {
    std::array<uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix_bits = 128;
  };
  std::vector<Network> networks_;
};

// Parses an IPv4 or IPv6 address into 16 bytes (IPv4 as ::ffff:a.b.c.d). False when malformed.
bool ParseIpAddress(std::string_view text, std::array<uint8_t, 16>* out);

}  // namespace chorus::server
