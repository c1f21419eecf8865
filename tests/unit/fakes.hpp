// Injected I/O for controller tests: a transport that records requests and
// answers when told to, and a scheduler with a manual clock.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "controller.hpp"

namespace wstats::test {

struct FakeTransport : Transport {
    struct Pending {
        HttpRequest request;
        std::function<void(HttpResponse)> done;
    };
    std::vector<HttpRequest> sent;
    std::vector<Pending> pending;

    void send(const HttpRequest& request, std::function<void(HttpResponse)> done) override {
        sent.push_back(request);
        pending.push_back({request, std::move(done)});
    }
    // Answers the oldest request still waiting.
    void answer(int status, std::string body, std::string headers = "Content-Type: application/json\r\n") {
        Pending p = std::move(pending.front());
        pending.erase(pending.begin());
        HttpResponse r;
        r.status = status;
        r.body = std::move(body);
        r.raw_headers = std::move(headers);
        p.done(r);
    }
    void fail_network(bool timed_out = false) {
        Pending p = std::move(pending.front());
        pending.erase(pending.begin());
        HttpResponse r;
        r.timed_out = timed_out;
        p.done(r);
    }
};

struct FakeScheduler : Scheduler {
    std::int64_t now = 1714551300000;  // 2024-05-01T08:15:00Z
    int next_id = 1;
    std::map<int, std::pair<std::int64_t, std::function<void()>>> timers;

    std::int64_t now_ms() override { return now; }
    int set_timeout(int delay_ms, std::function<void()> cb) override {
        timers[next_id] = {now + delay_ms, std::move(cb)};
        return next_id++;
    }
    void clear_timeout(int id) override { timers.erase(id); }
    // Moves the clock and runs the timers that come due, in order.
    void advance(std::int64_t ms) {
        const std::int64_t until = now + ms;
        for (;;) {
            auto due = timers.end();
            for (auto it = timers.begin(); it != timers.end(); ++it) {
                if (it->second.first <= until && (due == timers.end() || it->second.first < due->second.first)) due = it;
            }
            if (due == timers.end()) break;
            now = due->second.first;
            auto cb = std::move(due->second.second);
            timers.erase(due);
            cb();
        }
        now = until;
    }
};

}  // namespace wstats::test
