// Browser implementations of the core's I/O seams: Emscripten Fetch as the
// Transport, browser timers as the Scheduler. Emscripten-only.
#pragma once

#include <functional>
#include <memory>
#include <unordered_map>

#include "controller.hpp"
#include "http.hpp"

namespace wstats::browser {

// Emscripten 3.1.6 facts this relies on (see docs/toolchain.md):
// - Basic credentials must travel as an Authorization header: attr.userName
//   and attr.password are not sent cross-origin.
// - emscripten_fetch_close on a request in flight does not abort it, and a
//   late completion would touch freed memory; so requests are only closed in
//   their own completion callback, and an abandoned request's callback only
//   finds an expired weak reference in the core.
// - IndexedDB caching is off (no EMSCRIPTEN_FETCH_PERSIST_FILE; linked with
//   -sFETCH_SUPPORT_INDEXEDDB=0).
class FetchTransport : public Transport {
public:
    void send(const HttpRequest& request, std::function<void(HttpResponse)> done) override;
};

class TimerScheduler : public Scheduler {
public:
    ~TimerScheduler() override;
    std::int64_t now_ms() override;
    int set_timeout(int delay_ms, std::function<void()> callback) override;
    void clear_timeout(int id) override;

private:
    struct Timer {
        TimerScheduler* owner;
        int id;
        std::function<void()> callback;
    };
    static void fire(void* user_data);
    std::unordered_map<int, std::unique_ptr<Timer>> timers_;
};

}  // namespace wstats::browser
