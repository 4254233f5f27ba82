#include "server/http_server.h"

#include "base/memory_release.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <unistd.h>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace chorus::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string HttpErrorBody(std::string_view code, std::string_view message) {
  std::string body = R"({"error":{"code":")";
  body.append(code);
  body.append(R"(","message":")");
  body.append(message);
  body.append("\"}}");
  return body;
}

namespace {

class Connection;

}  // namespace

struct HttpServer::Impl {
  Impl(HttpLimits l, ClientAddressResolver c, HttpHandler h)
      : limits(std::move(l)),
        clients(std::move(c)),
        handler(std::move(h)),
        workers(static_cast<size_t>(std::max(1, limits.worker_threads))) {}

  void Accept();
  void OnAccept(tcp::socket socket);
  void PollShutdown(std::chrono::steady_clock::time_point deadline);
  // After a large request: gives free memory back to the system, at most once a second
  // (glibc keeps freed heap pages otherwise; see base/memory_release.h).
  void ReleaseMemorySometimes();
  // Counts a new connection against the limits; false when it must be refused. Any thread.
  bool Reserve(const std::string& peer, bool trusted);
  // Forgets a connection that Reserve admitted. Any thread.
  void Unregister(Connection* c, const std::string& peer, bool trusted);

  const HttpLimits limits;
  const ClientAddressResolver clients;
  const HttpHandler handler;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer shutdown_timer{io};
  asio::steady_timer accept_pause{io};
  asio::thread_pool workers;
  std::atomic<bool> stopping{false};
  std::atomic<int> waiting{0};
  std::atomic<int64_t> last_release_ms{0};
  int port = 0;

  std::mutex mu;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> live;
  std::unordered_map<std::string, int> per_client;
  int open_connections = 0;
};

namespace {

bool IsTimeout(const beast::error_code& ec) {
  return ec == beast::error::timeout;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(HttpServer::Impl& server, tcp::socket socket, std::string peer, bool trusted)
      : server_(server),
        stream_(std::move(socket)),
        peer_(std::move(peer)),
        trusted_(trusted),
        gone_(std::make_shared<std::atomic<bool>>(false)) {}

  ~Connection() {
    if (!upload_path_.empty()) std::remove(upload_path_.c_str());  // an upload cut short
    server_.Unregister(this, peer_, trusted_);
  }

  void Start() { ReadHead(server_.limits.header_timeout); }

  // On shutdown (event thread): a connection waiting for a request is closed now; one whose
  // request is being handled answers first.
  void CloseIfIdle() {
    if (state_ != State::kReading) return;
    beast::error_code ec;
    stream_.socket().close(ec);
  }

 private:
  enum class State { kReading, kHandling, kWriting };

  void ReadHead(std::chrono::milliseconds deadline) {
    state_ = State::kReading;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.limits.max_header_bytes));
    // The body's limit is set once the head says which route it is for (an upload route takes
    // more, see OnHead); until then Beast must not refuse a large Content-Length on its own.
    parser_->body_limit(server_.limits.upload_limit ? std::numeric_limits<std::uint64_t>::max()
                                                    : server_.limits.max_body_bytes);
    stream_.expires_after(deadline);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHead(ec); });
  }

  void OnHead(beast::error_code ec) {
    if (ec) {
      if (ec == http::error::header_limit) {
        return SendError(431, "headers_too_large", "the request head is too large");
      }
      if (ec == http::error::body_limit) {  // Content-Length over the limit, seen in the head
        return SendError(413, "payload_too_large", "the request body is too large");
      }
      if (ec == http::error::end_of_stream || ec == asio::error::eof || IsTimeout(ec) ||
          ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
        return Close();
      }
      return SendError(400, "bad_request", "the request is not valid HTTP");
    }
    if (server_.stopping) return SendError(503, "shutting_down", "the server is stopping");
    const auto& head = parser_->get();
    size_t fields = 0;
    for (auto it = head.begin(); it != head.end(); ++it) ++fields;
    if (fields > server_.limits.max_header_count) {
      return SendError(431, "headers_too_large", "the request has too many header fields");
    }
    if (const size_t upload = UploadLimitFor(head); upload > 0) return StartUpload(upload);
    if (const auto length = parser_->content_length();
        length && *length > server_.limits.max_body_bytes) {
      return SendError(413, "payload_too_large", "the request body is too large");
    }
    parser_->body_limit(server_.limits.max_body_bytes);
    if (parser_->is_done()) return Dispatch();
    if (beast::iequals(head[http::field::expect], "100-continue")) {
      auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(server_.limits.write_timeout);
      http::async_write(stream_, *go_on,
                        [self = shared_from_this(), go_on](beast::error_code wec, size_t) {
                          if (wec) return self->Close();
                          self->ReadBody();
                        });
      return;
    }
    ReadBody();
  }

  // The body's deadline grows with its announced size (at `min_body_rate`), from the head
  // deadline up to `body_timeout`; a chunked body of unknown size gets `body_timeout`.
  void ReadBody() {
    const HttpLimits& limits = server_.limits;
    auto deadline = limits.body_timeout;
    if (const auto length = parser_->content_length()) {
      const auto transfer = std::chrono::milliseconds(*length * 1000 / limits.min_body_rate);
      deadline = std::min(deadline, limits.header_timeout + transfer);
    }
    stream_.expires_after(deadline);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnBody(ec); });
  }

  void OnBody(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      return SendError(413, "payload_too_large", "the request body is too large");
    }
    if (ec) {
      if (IsTimeout(ec) || ec == asio::error::eof || ec == http::error::end_of_stream ||
          ec == http::error::partial_message || ec == asio::error::operation_aborted ||
          ec == asio::error::connection_reset) {
        return Close();
      }
      return SendError(400, "bad_request", "the request body is not valid HTTP");
    }
    Dispatch();
  }

  // Upload routes (HttpLimits::upload_limit): the body goes to a temporary file as it
  // streams in, never into memory.
  size_t UploadLimitFor(const http::request_parser<http::string_body>::value_type& head) {
    if (!server_.limits.upload_limit || head.method() != http::verb::post) return 0;
    std::string path;
    std::vector<std::pair<std::string, std::string>> params;
    if (!ParseTarget(std::string_view(head.target().data(), head.target().size()), &path,
                     &params)) {
      return 0;
    }
    return server_.limits.upload_limit(path);
  }

  void StartUpload(size_t limit) {
    if (const auto length = parser_->content_length(); length && *length > limit) {
      return SendError(413, "payload_too_large", "the upload is too large");
    }
    std::string dir = "/tmp";
    if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp) dir = tmp;
    std::string name = dir + "/chorus-upload-XXXXXX";
    const int fd = mkstemp(name.data());
    if (fd < 0) return SendError(500, "internal", "internal error");
    ::close(fd);
    upload_path_ = name;
    const bool expect_continue =
        beast::iequals(parser_->get()[http::field::expect], "100-continue");
    upload_parser_.emplace(std::move(*parser_));
    parser_.reset();
    upload_parser_->body_limit(limit);
    beast::error_code ec;
    upload_parser_->get().body().open(upload_path_.c_str(), beast::file_mode::write, ec);
    if (ec) return SendError(500, "internal", "internal error");
    const auto read = [self = shared_from_this()] {
      const HttpLimits& limits = self->server_.limits;
      auto deadline = limits.upload_timeout;
      if (const auto length = self->upload_parser_->content_length()) {
        deadline = std::min(deadline,
                            limits.header_timeout +
                                std::chrono::milliseconds(*length * 1000 / limits.min_body_rate));
      }
      self->stream_.expires_after(deadline);
      http::async_read(self->stream_, self->buffer_, *self->upload_parser_,
                       [self](beast::error_code rec, size_t) { self->OnUploadBody(rec); });
    };
    if (upload_parser_->is_done()) return OnUploadBody({});
    if (expect_continue) {
      auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(server_.limits.write_timeout);
      http::async_write(stream_, *go_on,
                        [self = shared_from_this(), go_on, read](beast::error_code wec, size_t) {
                          if (wec) return self->Close();
                          read();
                        });
      return;
    }
    read();
  }

  void OnUploadBody(beast::error_code ec) {
    if (ec) {
      upload_parser_.reset();
      std::remove(upload_path_.c_str());
      upload_path_.clear();
      if (ec == http::error::body_limit) {
        return SendError(413, "payload_too_large", "the upload is too large");
      }
      if (IsTimeout(ec) || ec == asio::error::eof || ec == http::error::end_of_stream ||
          ec == http::error::partial_message || ec == asio::error::operation_aborted ||
          ec == asio::error::connection_reset) {
        return Close();
      }
      return SendError(400, "bad_request", "the request body is not valid HTTP");
    }
    auto message = upload_parser_->release();
    upload_parser_.reset();
    message.body().close();
    std::string file = std::move(upload_path_);
    upload_path_.clear();
    Dispatch(std::move(message), std::string(), std::move(file));
  }

  void Dispatch() {
    auto message = parser_->release();
    parser_.reset();
    std::string body = std::move(message.body());
    Dispatch(std::move(message), std::move(body), std::string());
  }

  template <typename Message>
  void Dispatch(Message&& message, std::string body, std::string body_file) {
    auto request = std::make_shared<HttpRequest>();
    request->body_file = std::move(body_file);
    request->method = std::string(message.method_string());
    request->target = std::string(message.target());
    if (!ParseTarget(request->target, &request->path, &request->params)) {
      if (!request->body_file.empty()) std::remove(request->body_file.c_str());
      return SendError(400, "bad_request", "the request path is not valid");
    }
    std::string forwarded;
    for (const auto& field : message) {
      request->headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      if (beast::iequals(field.name_string(), "X-Forwarded-For")) {
        if (!forwarded.empty()) forwarded += ',';
        forwarded.append(field.value().data(), field.value().size());
      }
    }
    request->body = std::move(body);
    request->peer_addr = peer_;
    request->remote_addr = server_.clients.Resolve(peer_, forwarded);
    request->client_gone = [gone = gone_, &stopping = server_.stopping] {
      return gone->load() || stopping.load();
    };
    keep_alive_ = message.keep_alive();
    head_only_ = message.method() == http::verb::head;

    if (server_.waiting.fetch_add(1) >= server_.limits.max_waiting_requests) {
      server_.waiting.fetch_sub(1);
      if (!request->body_file.empty()) std::remove(request->body_file.c_str());
      HttpResponse busy;
      busy.status = 503;
      busy.set_header("Retry-After", "1");
      busy.set_content(HttpErrorBody("busy", "the server is busy; try again in a moment"),
                       "application/json; charset=utf-8");
      return Respond(std::move(busy));
    }
    state_ = State::kHandling;
    stream_.expires_never();
    WatchForDisconnect();
    asio::post(server_.workers, [self = shared_from_this(), request]() mutable {
      self->server_.waiting.fetch_sub(1);
      HttpResponse response;
      try {
        self->server_.handler(*request, response);
      } catch (const std::exception& e) {
        spdlog::error("{} {}: unexpected exception: {}", request->method, request->path, e.what());
        response = HttpResponse();
        response.status = 500;
        response.set_content(HttpErrorBody("internal", "internal error"),
                             "application/json; charset=utf-8");
      }
      const bool large = request->body.size() + response.body.size() >= (1u << 20);
      if (!request->body_file.empty()) std::remove(request->body_file.c_str());
      request.reset();  // free the body before the answer waits for the event thread
      if (large) self->server_.ReleaseMemorySometimes();
      asio::post(self->server_.io, [self, response = std::move(response)]() mutable {
        self->Respond(std::move(response));
      });
    });
  }

  // While a handler runs, notice a client that hangs up (so long handlers can stop).
  void WatchForDisconnect() {
    stream_.socket().async_wait(
        tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
          if (ec || self->state_ != State::kHandling) return;
          char byte;
          const ssize_t n =
              ::recv(self->stream_.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
            self->gone_->store(true);
          }
          // n > 0: the client sent its next request early; it is read after this answer.
        });
  }

  void SendError(int status, std::string_view code, std::string_view message) {
    HttpResponse response;
    response.status = status;
    response.close_connection = true;
    linger_ = true;
    response.set_content(HttpErrorBody(code, message), "application/json; charset=utf-8");
    keep_alive_ = false;
    head_only_ = false;
    Respond(std::move(response));
  }

  void Respond(HttpResponse response) {
    beast::error_code ignored;
    stream_.socket().cancel(ignored);  // the disconnect watch
    if (gone_->load()) return Close();
    state_ = State::kWriting;
    ++served_;
    const bool close = response.close_connection || !keep_alive_ || server_.stopping ||
                       served_ >= server_.limits.max_requests_per_connection;
    auto out = std::make_shared<http::response<http::string_body>>();
    out->version(11);
    out->result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : server_.limits.common_headers) out->insert(name, value);
    for (const auto& [name, value] : response.headers) out->insert(name, value);
    if (!response.content_type.empty()) out->set(http::field::content_type, response.content_type);
    out->keep_alive(!close);
    if (head_only_) {
      out->content_length(response.body.size());
    } else {
      out->body() = std::move(response.body);
      out->prepare_payload();
    }
    stream_.expires_after(server_.limits.write_timeout);
    http::async_write(stream_, *out,
                      [self = shared_from_this(), out, close](beast::error_code ec, size_t) {
                        if (!ec && close && self->linger_) return self->Linger();
                        if (ec || close) return self->Close();
                        self->ReadHead(self->server_.limits.keep_alive_timeout);
                      });
  }

  // After answering an error before the request was read whole (413 while the client still
  // sends its body), closing at once would make the client's TCP stack discard our answer on
  // the reset. Stop sending, then read and drop what still comes, for a short while.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    linger_buffer_ = std::make_unique<std::array<char, 4096>>();
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(asio::buffer(*linger_buffer_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) return self->Close();
                              self->DrainSome();
                            });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::request_parser<http::file_body>> upload_parser_;
  std::string upload_path_;  // the temporary file of an upload being read
  const std::string peer_;
  const bool trusted_;
  std::shared_ptr<std::atomic<bool>> gone_;
  State state_ = State::kReading;
  bool keep_alive_ = true;
  bool head_only_ = false;
  bool linger_ = false;
  std::unique_ptr<std::array<char, 4096>> linger_buffer_;
  int served_ = 0;
};

}  // namespace

bool HttpServer::Impl::Reserve(const std::string& peer, bool trusted) {
  std::lock_guard<std::mutex> lock(mu);
  if (open_connections >= limits.max_connections) return false;
  if (!trusted) {
    const auto it = per_client.find(peer);
    if (it != per_client.end() && it->second >= limits.max_connections_per_client) return false;
    ++per_client[peer];
  }
  ++open_connections;
  return true;
}

void HttpServer::Impl::Unregister(Connection* c, const std::string& peer, bool trusted) {
  std::lock_guard<std::mutex> lock(mu);
  live.erase(c);
  --open_connections;
  if (!trusted) {
    const auto it = per_client.find(peer);
    if (it != per_client.end() && --it->second <= 0) per_client.erase(it);
  }
}

void HttpServer::Impl::Accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || stopping) return;
    if (ec) {
      // Out of file descriptors (or similar): pause instead of spinning on the error.
      spdlog::warn("accept: {}", ec.message());
      accept_pause.expires_after(std::chrono::milliseconds(100));
      accept_pause.async_wait([this](beast::error_code wec) {
        if (!wec && !stopping) Accept();
      });
      return;
    }
    OnAccept(std::move(socket));
    Accept();
  });
}

void HttpServer::Impl::OnAccept(tcp::socket socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return;
  std::string peer = endpoint.address().to_string();
  if (endpoint.address().is_v6() && endpoint.address().to_v6().is_v4_mapped()) {
    peer = asio::ip::make_address_v4(asio::ip::v4_mapped, endpoint.address().to_v6()).to_string();
  }
  const bool trusted = clients.IsTrusted(peer);
  if (!Reserve(peer, trusted)) {
    // Refused: say so without waiting for the client (a non-blocking best effort), then close.
    static constexpr std::string_view kRefused =
        "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n"
        "Content-Type: application/json; charset=utf-8\r\nContent-Length: 79\r\n\r\n"
        R"({"error":{"code":"too_many_connections","message":"too many open connections"}})";
    static_assert(kRefused.size() - (kRefused.find("\r\n\r\n") + 4) == 79);
    spdlog::debug("refused a connection from {}: connection limit", peer);
    [[maybe_unused]] const ssize_t sent = ::send(socket.native_handle(), kRefused.data(),
                                                 kRefused.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    socket.shutdown(tcp::socket::shutdown_send, ec);
    socket.close(ec);
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  auto connection = std::make_shared<Connection>(*this, std::move(socket), peer, trusted);
  {
    std::lock_guard<std::mutex> lock(mu);
    live.emplace(connection.get(), connection);
  }
  connection->Start();
}

void HttpServer::Impl::ReleaseMemorySometimes() {
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  int64_t last = last_release_ms.load();
  if (now - last < 1000 || !last_release_ms.compare_exchange_strong(last, now)) return;
  ReleaseFreeMemory();
}

void HttpServer::Impl::PollShutdown(std::chrono::steady_clock::time_point deadline) {
  {
    std::lock_guard<std::mutex> lock(mu);
    if (open_connections == 0) return;  // nothing holds the loop but this timer
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    spdlog::warn("stopping with requests still in progress after the grace period");
    io.stop();
    return;
  }
  shutdown_timer.expires_after(std::chrono::milliseconds(50));
  shutdown_timer.async_wait([this, deadline](beast::error_code ec) {
    if (!ec) PollShutdown(deadline);
  });
}

HttpServer::HttpServer(HttpLimits limits, ClientAddressResolver clients, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(limits), std::move(clients), std::move(handler))) {}

HttpServer::~HttpServer() {
  impl_->workers.join();
}

Status HttpServer::Bind(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  beast::error_code ec;
  tcp::resolver resolver(impl_->io);
  const auto results = resolver.resolve(
      host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    return Status::Error("cannot listen on " + where + ": " +
                         (ec ? ec.message() : std::string("no such address")));
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  tcp::acceptor& acceptor = impl_->acceptor;
  if (acceptor.open(endpoint.protocol(), ec); ec) {
    return Status::Error("cannot listen on " + where + ": " + ec.message());
  }
  // SO_REUSEADDR only lets a restarted server bind past TIME_WAIT; unlike SO_REUSEPORT it
  // never lets two servers share a listening port.
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (acceptor.bind(endpoint, ec); ec) {
    acceptor.close();
    if (ec == asio::error::address_in_use) {
      return Status::Error("cannot listen on " + where +
                           ": the port is in use (is another chorus serve running?)");
    }
    return Status::Error("cannot listen on " + where + ": " + ec.message());
  }
  if (acceptor.listen(impl_->limits.backlog, ec); ec) {
    acceptor.close();
    return Status::Error("cannot listen on " + where + ": " + ec.message());
  }
  impl_->port = acceptor.local_endpoint().port();
  return Status::Ok();
}

int HttpServer::port() const {
  return impl_->port;
}

Status HttpServer::Serve() {
  if (!impl_->acceptor.is_open()) return Status::Error("the server is not bound to a port");
  impl_->Accept();
  impl_->io.run();
  impl_->workers.join();
  return Status::Ok();
}

void HttpServer::Stop() {
  Impl& impl = *impl_;
  if (impl.stopping.exchange(true)) return;
  asio::post(impl.io, [&impl] {
    beast::error_code ec;
    impl.acceptor.close(ec);
    impl.accept_pause.cancel();
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard<std::mutex> lock(impl.mu);
      for (const auto& [raw, weak] : impl.live) {
        if (auto c = weak.lock()) open.push_back(std::move(c));
      }
    }
    for (const auto& c : open) c->CloseIfIdle();
    open.clear();
    impl.PollShutdown(std::chrono::steady_clock::now() + impl.limits.shutdown_grace);
  });
}

}  // namespace chorus::server
