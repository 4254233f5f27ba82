#include "ingest/feed.h"

#include <expat.h>

#include <cstring>
#include <memory>

#include "ingest/dates.h"
#include "ingest/html_text.h"
#include "text/utf8.h"

namespace chorus::ingest {
namespace {

constexpr size_t kMaxFieldBytes = 4 << 20;

struct Entry {
  std::string id, link, title, body, time;
  bool body_is_html = true;
  int body_rank = 0;  // content beats summary/description
};

class FeedParser {
 public:
  explicit FeedParser(const PostSink& sink) : sink_(sink) {}

  Status Run(ByteSource& source) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                        &XML_ParserFree);
    if (!parser) return Status::Error("out of memory");
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &FeedParser::OnStart, &FeedParser::OnEnd);
    XML_SetCharacterDataHandler(parser_, &FeedParser::OnText);
    std::string chunk(64 * 1024, '\0');
    for (;;) {
      size_t got = 0;
      if (Status s = source.Read(chunk.data(), chunk.size(), &got); !s.ok()) return s;
      if (XML_Parse(parser_, chunk.data(), static_cast<int>(got), got == 0) == XML_STATUS_ERROR) {
        if (!failure_.ok()) return failure_;
        return Status::Error(std::string("the feed is not well-formed XML: ") +
                                 XML_ErrorString(XML_GetErrorCode(parser_)),
                             static_cast<int>(XML_GetCurrentLineNumber(parser_)),
                             static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1);
      }
      if (got == 0) break;
    }
    if (!failure_.ok()) return failure_;
    if (kind_.empty()) return Status::Error("not an RSS or Atom feed");
    return Status::Ok();
  }

 private:
  static const char* Attr(const XML_Char** attrs, const char* name) {
    for (int i = 0; attrs[i]; i += 2)
      if (std::strcmp(attrs[i], name) == 0) return attrs[i + 1];
    return nullptr;
  }

  void Stop(Status s) {
    if (failure_.ok()) failure_ = std::move(s);
    XML_StopParser(parser_, XML_FALSE);
  }

  static void OnStart(void* self_ptr, const XML_Char* name_c, const XML_Char** attrs) {
    auto* self = static_cast<FeedParser*>(self_ptr);
    const std::string_view name(name_c);
    ++self->depth_;
    if (self->depth_ == 1) {
      if (name == "rss" || name == "rdf:RDF")
        self->kind_ = "rss";
      else if (name == "feed")
        self->kind_ = "atom";
      else
        return self->Stop(
            Status::Error("not an RSS or Atom feed (the document is <" + std::string(name) + ">)"));
      return;
    }
    if (self->xhtml_depth_ > 0) {  // inline xhtml: keep the markup for HtmlToText
      ++self->xhtml_depth_;
      self->Append("<" + std::string(name) + ">");
      return;
    }
    if (!self->in_entry_) {
      if (name == "item" || name == "entry") {
        self->in_entry_ = true;
        self->entry_depth_ = self->depth_;
        self->entry_ = Entry();
      }
      return;
    }
    if (self->depth_ != self->entry_depth_ + 1) return;
    self->field_ = std::string(name);
    self->text_.clear();
    if (name == "link" && self->kind_ == "atom") {
      const char* rel = Attr(attrs, "rel");
      const char* href = Attr(attrs, "href");
      if (href && (!rel || std::strcmp(rel, "alternate") == 0) && self->entry_.link.empty()) {
        self->entry_.link = href;
      }
    }
    if (name == "content" || name == "summary" || name == "title") {
      const char* type = Attr(attrs, "type");
      self->type_ = type ? type : (self->kind_ == "atom" ? "text" : "html");
      if (self->type_ == "xhtml") self->xhtml_depth_ = 1;
    } else {
      self->type_ = "html";
    }
  }

  void Append(std::string_view s) {
    if (text_.size() + s.size() > kMaxFieldBytes) {
      return Stop(Status::Error("an entry of the feed is larger than 4 MiB"));
    }
    text_.append(s);
  }

  static void OnText(void* self_ptr, const XML_Char* s, int len) {
    auto* self = static_cast<FeedParser*>(self_ptr);
    if (self->in_entry_ && !self->field_.empty()) self->Append(std::string_view(s, len));
  }

  static void OnEnd(void* self_ptr, const XML_Char* name_c) {
    auto* self = static_cast<FeedParser*>(self_ptr);
    const std::string_view name(name_c);
    --self->depth_;
    if (self->xhtml_depth_ > 1) {
      --self->xhtml_depth_;
      self->Append("</" + std::string(name) + ">");
      return;
    }
    self->xhtml_depth_ = 0;
    if (!self->in_entry_) return;
    if (self->depth_ == self->entry_depth_) {
      self->field_.clear();
      return self->FinishField(name);
    }
    if (self->depth_ == self->entry_depth_ - 1) {
      self->in_entry_ = false;
      self->FinishEntry();
    }
  }

  void FinishField(std::string_view name) {
    const bool html = type_ == "html" || type_ == "xhtml" || type_ == "text/html";
    Entry& e = entry_;
    if (name == "title") {
      e.title = html && kind_ == "atom" ? HtmlToText(text_) : Trim(text_);
    } else if (name == "guid" || name == "id") {
      e.id = Trim(text_);
    } else if (name == "link" && kind_ == "rss") {
      e.link = Trim(text_);
    } else if (name == "pubDate") {
      e.time = TimeFromRfc822(Trim(text_));
    } else if (name == "dc:date" || name == "published" || (name == "updated" && e.time.empty())) {
      e.time = TimeFromIso8601(Trim(text_));
    } else if (name == "content:encoded" || name == "content") {
      SetBody(2, html);
    } else if (name == "description" || name == "summary") {
      SetBody(1, html);
    }
    text_.clear();
  }

  void SetBody(int rank, bool html) {
    if (rank < entry_.body_rank) return;
    entry_.body_rank = rank;
    entry_.body = html ? HtmlToText(text_) : Trim(text_);
  }

  static std::string Trim(std::string_view s) {
    while (!s.empty() && std::strchr(" \t\r\n", s.front())) s.remove_prefix(1);
    while (!s.empty() && std::strchr(" \t\r\n", s.back())) s.remove_suffix(1);
    return std::string(s);
  }

  void FinishEntry() {
    IngestedPost post;
    post.platform_id = entry_.id.empty() ? entry_.link : entry_.id;
    post.url = entry_.link.empty() && entry_.id.rfind("http", 0) == 0 ? entry_.id : entry_.link;
    post.published = entry_.time;
    if (entry_.title.empty() || entry_.body.rfind(entry_.title, 0) == 0) {
      post.text = entry_.body;
    } else if (entry_.body.empty()) {
      post.text = entry_.title;
    } else {
      post.text = entry_.title + "\n\n" + entry_.body;
    }
    if (post.text.empty()) return;
    if (post.platform_id.empty()) {
      return Stop(Status::Error("an entry of the feed has neither an id nor a link",
                                static_cast<int>(XML_GetCurrentLineNumber(parser_)), 1));
    }
    if (post.platform_id.size() > 2048) post.platform_id.resize(2048);
    if (Status s = sink_(std::move(post)); !s.ok()) Stop(s);
  }

  const PostSink& sink_;
  XML_Parser parser_ = nullptr;
  Status failure_;
  std::string kind_;  // "rss" or "atom" once the root is seen
  int depth_ = 0;
  bool in_entry_ = false;
  int entry_depth_ = 0;
  int xhtml_depth_ = 0;
  std::string field_, type_ = "html", text_;
  Entry entry_;
};

}  // namespace

Status ReadFeed(ByteSource& source, const PostSink& sink) {
  FeedParser parser(sink);
  return parser.Run(source);
}

}  // namespace chorus::ingest
