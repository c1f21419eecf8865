#include "browser_io.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/fetch.h>
#include <emscripten/html5.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace wstats::browser {
namespace {

#ifndef WSTATS_NO_FETCH
struct InFlight {
    std::function<void(HttpResponse)> done;
    std::vector<std::string> header_storage;  // alive until completion: attr.requestHeaders points into it
    std::vector<const char*> header_pointers;
    double started_ms = 0;
    int timeout_ms = 0;
};

void on_complete(emscripten_fetch_t* fetch) {
    auto* flight = static_cast<InFlight*>(fetch->userData);
    HttpResponse r;
    r.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0) r.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    const std::size_t length = emscripten_fetch_get_response_headers_length(fetch);  // counts the NUL
    if (length > 0) {
        std::string raw(length, '\0');
        emscripten_fetch_get_response_headers(fetch, raw.data(), length);
        raw.resize(std::strlen(raw.c_str()));
        r.raw_headers = std::move(raw);
    }
    // XHR's ontimeout leaves status 0 like a network failure; the clock tells them apart.
    r.timed_out = r.status == 0 && flight->timeout_ms > 0 &&
                  emscripten_get_now() - flight->started_ms >= flight->timeout_ms * 0.95;
    emscripten_fetch_close(fetch);  // the bytes were copied above
    auto done = std::move(flight->done);
    delete flight;
    done(std::move(r));
}
#endif

}  // namespace

#ifdef WSTATS_NO_FETCH
// The CommonJS build for Node: Emscripten Fetch is XMLHttpRequest, which Node
// does not have. Every request there fails the way an unreachable server
// does, asynchronously, so the controller's error path is what Node sees.
void FetchTransport::send(const HttpRequest&, std::function<void(HttpResponse)> done) {
    auto* pending = new std::function<void(HttpResponse)>(std::move(done));
    emscripten_set_timeout(
        [](void* user_data) {
            std::unique_ptr<std::function<void(HttpResponse)>> callback(static_cast<std::function<void(HttpResponse)>*>(user_data));
            (*callback)(HttpResponse{});
        },
        0, pending);
}
#else
void FetchTransport::send(const HttpRequest& request, std::function<void(HttpResponse)> done) {
    auto* flight = new InFlight;
    flight->done = std::move(done);
    flight->started_ms = emscripten_get_now();
    flight->timeout_ms = request.timeout_ms;
    for (const auto& h : request.headers) {
        flight->header_storage.push_back(h.name);
        flight->header_storage.push_back(h.value);
    }
    for (const auto& s : flight->header_storage) flight->header_pointers.push_back(s.c_str());
    flight->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.timeoutMSecs = static_cast<unsigned long>(request.timeout_ms);
    attr.requestHeaders = flight->header_pointers.data();
    attr.userData = flight;
    attr.onsuccess = on_complete;
    attr.onerror = on_complete;
    emscripten_fetch(&attr, request.url.c_str());
}
#endif

TimerScheduler::~TimerScheduler() {
    for (auto& [id, timer] : timers_) emscripten_clear_timeout(id);
}

std::int64_t TimerScheduler::now_ms() { return static_cast<std::int64_t>(emscripten_date_now()); }

int TimerScheduler::set_timeout(int delay_ms, std::function<void()> callback) {
    auto timer = std::make_unique<Timer>(Timer{this, 0, std::move(callback)});
    Timer* raw = timer.get();
    raw->id = static_cast<int>(emscripten_set_timeout(&TimerScheduler::fire, delay_ms, raw));
    const int id = raw->id;
    timers_[id] = std::move(timer);
    return id;
}

void TimerScheduler::clear_timeout(int id) {
    if (timers_.erase(id)) emscripten_clear_timeout(id);
}

void TimerScheduler::fire(void* user_data) {
    auto* timer = static_cast<Timer*>(user_data);
    TimerScheduler* owner = timer->owner;
    auto it = owner->timers_.find(timer->id);
    if (it == owner->timers_.end()) return;
    std::unique_ptr<Timer> keep = std::move(it->second);
    owner->timers_.erase(it);
    keep->callback();
}

}  // namespace wstats::browser
