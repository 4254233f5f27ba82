#include "server/client_address.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace chorus::server {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool Contains(const std::array<uint8_t, 16>& network, int prefix_bits,
              const std::array<uint8_t, 16>& address) {
  int bits = prefix_bits;
  for (size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const uint8_t mask = bits >= 8 ? 0xff : static_cast<uint8_t>(0xff << (8 - bits));
    if ((network[i] & mask) != (address[i] & mask)) return false;
  }
  return true;
}

}  // namespace

bool ParseIpAddress(std::string_view text, std::array<uint8_t, 16>* out) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  if (text.empty() || text.size() > 45) return false;
  const std::string copy(text);
  in_addr v4;
  if (inet_pton(AF_INET, copy.c_str(), &v4) == 1) {
    out->fill(0);
    (*out)[10] = 0xff;
    (*out)[11] = 0xff;
    std::memcpy(out->data() + 12, &v4, 4);
    return true;
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, copy.c_str(), &v6) == 1) {
    std::memcpy(out->data(), &v6, 16);
    return true;
  }
  return false;
}

Status ClientAddressResolver::AddTrustedProxy(std::string_view address_or_cidr) {
  const size_t slash = address_or_cidr.find('/');
  Network network;
  if (!ParseIpAddress(address_or_cidr.substr(0, slash), &network.bytes)) {
    return Status::Error("--trusted-proxy: \"" + std::string(address_or_cidr) +
                         "\" is not an IP address or CIDR block (e.g. 10.0.0.0/8)");
  }
  const bool v4 = address_or_cidr.substr(0, slash).find(':') == std::string_view::npos;
  if (slash != std::string_view::npos) {
    const std::string_view bits = address_or_cidr.substr(slash + 1);
    int prefix = -1;
    const auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
    const int max = v4 ? 32 : 128;
    if (ec != std::errc() || end != bits.data() + bits.size() || prefix < 0 || prefix > max) {
      return Status::Error("--trusted-proxy: \"" + std::string(address_or_cidr) +
                           "\" has no valid prefix length (0 to " + std::to_string(max) + ")");
    }
    network.prefix_bits = v4 ? prefix + 96 : prefix;
  }
  networks_.push_back(network);
  return Status::Ok();
}

bool ClientAddressResolver::IsTrusted(std::string_view address) const {
  if (networks_.empty()) return false;
  std::array<uint8_t, 16> bytes;
  if (!ParseIpAddress(address, &bytes)) return false;
  for (const Network& n : networks_) {
    if (Contains(n.bytes, n.prefix_bits, bytes)) return true;
  }
  return false;
}

std::string ClientAddressResolver::Resolve(std::string_view peer,
                                           std::string_view forwarded_for) const {
  if (!IsTrusted(peer)) return std::string(peer);
  std::string_view client = peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view entry =
        Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    std::array<uint8_t, 16> bytes;
    if (!ParseIpAddress(entry, &bytes)) break;  // the proxy that wrote `client` is the answer
    client = entry;
    if (!IsTrusted(entry)) break;
  }
  return std::string(client);
}

}  // namespace chorus::server
